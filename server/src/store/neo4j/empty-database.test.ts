import { describe, expect, it } from 'vitest';

import { disposableNeo4j } from './empty-database.ts';

describe('the Neo4j the tests may empty', () => {
  const named = { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'secret-password' };

  it('is none without NEO4J_URI', () => {
    expect(disposableNeo4j({})).toBeNull();
  });

  it('refuses a Neo4j that is not marked disposable, naming the way out', () => {
    expect(() => disposableNeo4j(named)).toThrow(/not marked disposable.*npm run neo4j:test/);
  });

  it('is the configured Neo4j when marked disposable', () => {
    expect(disposableNeo4j({ ...named, KK_NEO4J_DISPOSABLE: 'true' })).toMatchObject({
      kind: 'neo4j',
      uri: 'bolt://127.0.0.1:7687',
      password: 'secret-password',
    });
  });
});
