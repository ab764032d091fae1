import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { documentToContents } from '../domain/document.ts';
import { DomainError } from '../domain/errors.ts';
import type { OrganisationContents } from '../domain/records.ts';
import { contractDocument } from './contract/fixture.ts';
import { copyOrganisations } from './copy-organisations.ts';
import type { GraphStore } from './graph-store.ts';
import { Neo4jStore } from './neo4j/neo4j-store.ts';
import { openReadOnly, organisationsWithLevelGap } from './sqlite/research-queries.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kk-copy-'));
const run = Math.random().toString(36).slice(2, 10);
const ids = [`ct-copy-${run}-a`, `ct-copy-${run}-b`];

function fixture(id: string, name?: string): OrganisationContents {
  return documentToContents(interchangeDocumentSchema.parse(contractDocument(id, name)));
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

let source: SqliteStore;

beforeAll(async () => {
  source = new SqliteStore({ file: join(dir, 'source.db') });
  await source.migrate();
  for (const id of ids) await source.createOrganisation(fixture(id));
  // b has no responsive administration–principal link any more (l-2 was its only one).
  await source.deleteRecord('link', ids[1]!, 'l-2');
});

afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The copy behaviour, for any destination store that starts without the source's organisations. */
function describeCopyTo(name: string, makeDestination: () => Promise<GraphStore>): void {
  describe(`copyOrganisations: sqlite → ${name}`, () => {
    let destination: GraphStore;

    beforeAll(async () => {
      destination = await makeDestination();
      await destination.migrate();
    });
    afterAll(async () => {
      for (const id of ids) await destination.deleteOrganisation(id);
      await destination.close();
    });

    it('copies every organisation and verifies the record counts', async () => {
      const copied: string[] = [];
      const report = await copyOrganisations(source, destination, { onCopied: (entry) => copied.push(entry.id) });
      expect(report.organisations.map((entry) => [entry.id, entry.action])).toEqual(ids.map((id) => [id, 'created']));
      expect(copied).toEqual(ids);
      expect(report.organisations[0]!.counts).toEqual({
        unit: 2,
        actor: 5,
        scenario: 1,
        arena: 1,
        link: 4,
        perception: 2,
        initiative: 1,
        presentation: 1,
      });
      // b lost l-2 and with it both perceptions
      expect(report.organisations[1]!.counts).toMatchObject({ link: 3, perception: 0 });
      expect(report.totals).toMatchObject({ actor: 10, link: 7 });
      expect(await destination.readOrganisation(ids[1]!)).toEqual(await source.readOrganisation(ids[1]!));
    });

    it('refuses to overwrite existing organisations, writing nothing, unless asked to replace', async () => {
      const [first] = await destination.getRecords('actor', ids[0]!, ['a-chief']);
      await destination.updateRecord('actor', { ...first!, name: 'Ändrad i målet' });
      const error = await expectCode(copyOrganisations(source, destination), 'ORGANISATION_EXISTS');
      expect(error.details.ids).toEqual(ids);
      expect((await destination.getRecords('actor', ids[0]!, ['a-chief']))[0]!.name).toBe('Ändrad i målet');

      const report = await copyOrganisations(source, destination, { replace: true });
      expect(report.organisations.map((entry) => entry.action)).toEqual(['replaced', 'replaced']);
      // Replaced records get a version above every one the destination held (a-chief's 2).
      expect((await destination.getRecords('actor', ids[0]!, ['a-chief']))[0]).toMatchObject({
        name: 'Skolchef',
        version: 3,
      });
    });
  });
}

describeCopyTo('sqlite (a second file)', async () => new SqliteStore({ file: join(dir, 'destination.db') }));

if (process.env.NEO4J_URI) {
  describeCopyTo(
    'neo4j',
    async () =>
      new Neo4jStore({
        uri: process.env.NEO4J_URI!,
        user: process.env.NEO4J_USER ?? 'neo4j',
        password: process.env.NEO4J_PASSWORD ?? '',
        database: process.env.NEO4J_DATABASE || undefined,
      }),
  );
} else {
  console.warn('NEO4J_URI is not set: copying organisations into Neo4j is NOT tested.');
  describe.skip('copyOrganisations: sqlite → neo4j (skipped: set NEO4J_URI to run it)', () => {
    it('copies into a live Neo4j', () => undefined);
  });
}

describe('research query on SQLite: organisations with a level gap', () => {
  let db: ReturnType<typeof openReadOnly>;
  beforeAll(() => {
    db = openReadOnly(join(dir, 'source.db'));
  });
  afterAll(() => db.close());

  const found = (options?: { upperLevel?: string; lowerLevel?: string }) =>
    organisationsWithLevelGap(db, options)
      .map((org) => org.id)
      .filter((id) => ids.includes(id));

  it('lists the organisation whose adjacent levels have no responsive link, with its levels', () => {
    expect(found()).toEqual([ids[1]]);
    expect(organisationsWithLevelGap(db).find((org) => org.id === ids[1])!.levels).toHaveLength(5);
  });

  it('sees a decoupled link as no link, and ignores levels that are not adjacent or the same', () => {
    expect(found({ upperLevel: 'principal', lowerLevel: 'teacher' })).toEqual(ids);
    expect(found({ upperLevel: 'politics', lowerLevel: 'principal' })).toEqual([]);
    expect(found({ upperLevel: 'teacher', lowerLevel: 'principal' })).toEqual([]);
    expect(found({ upperLevel: 'principal', lowerLevel: 'principal' })).toEqual([]);
  });

  it('skips a side level between two chain levels when judging adjacency', async () => {
    const id = `ct-copy-${run}-side`;
    const contents = fixture(id);
    // support moved between administration and principal: still adjacent in the chain.
    const levels = contents.organisation.levels;
    contents.organisation.levels = [levels[0]!, levels[1]!, levels[4]!, levels[2]!, levels[3]!];
    contents.records = contents.records.filter((tagged) => !(tagged.kind === 'link' && tagged.record.id === 'l-2'));
    contents.records = contents.records.filter((tagged) => tagged.kind !== 'perception');
    await source.createOrganisation(contents);
    try {
      expect(organisationsWithLevelGap(db).map((org) => org.id)).toContain(id);
    } finally {
      await source.deleteOrganisation(id);
    }
  });
});
