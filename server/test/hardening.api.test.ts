import { describe, expect, it } from 'vitest';

import { startTestApp } from './helpers.ts';

// On the embedded store only: every check here is the request layer's (headers, CORS,
// introspection, request shape, query size and depth, body size), answered before or apart from
// the store, which the other API suites exercise on both stores.
describe('hardening', () => {
  it('sends security headers with a CSP the SPA works under', async () => {
    const t = await startTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('keeps CORS closed by default and opens it to configured origins only', async () => {
    const closed = await startTestApp();
    const preflight = {
      method: 'OPTIONS' as const,
      url: '/graphql',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    };
    expect((await closed.app.inject(preflight)).headers['access-control-allow-origin']).toBeUndefined();
    const open = await startTestApp({ app: { corsOrigins: ['https://kartan.example'] } });
    expect((await open.app.inject(preflight)).headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await open.app.inject({
      ...preflight,
      headers: { ...preflight.headers, origin: 'https://kartan.example' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://kartan.example');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
  });

  it('turns introspection off when configured (production default)', async () => {
    const on = await startTestApp();
    expect((await on.gql('{ __schema { queryType { name } } }')).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const off = await startTestApp({ app: { isGraphiqlEnabled: false, isIntrospectionEnabled: false } });
    const refused = await off.gql('{ __schema { queryType { name } } }');
    expect(refused.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors![0]!.message).toMatch(/introspection/i);
    expect((await off.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
  });

  it('suggests no field, argument or enum names when introspection is off', async () => {
    const typos = ['{ helth { ready } }', '{ health { redy } }', '{ organisation(idd: "org") { id } }'];
    const on = await startTestApp();
    const suggested = await on.gql(typos[0]!);
    expect(suggested.errors![0]!.message).toMatch(/Did you mean "health"\?/);
    const off = await startTestApp({ app: { isGraphiqlEnabled: false, isIntrospectionEnabled: false } });
    for (const query of typos) {
      const { errors } = await off.gql(query);
      expect(errors![0]!.extensions.code, query).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(errors), query).not.toMatch(/did you mean/i);
    }
    // A wrong enum value in the variables is refused without naming the right ones.
    const enumTypo = await off.gql(
      `mutation($k: LinkKind!) {
        createLink(input: { organisationId: "o", scenarioId: "s", sourceId: "a", targetId: "b", kind: $k }) { link { id } } }`,
      { k: 'STERING' },
    );
    expect(enumTypo.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(enumTypo.errors)).not.toMatch(/did you mean|STEERING/i);
  });

  it('answers a malformed request with BAD_REQUEST (HTTP 400), never INTERNAL', async () => {
    const t = await startTestApp();
    const valid = '{ health { ready } }';
    const bodies: unknown[] = [
      { query: 42 },
      { query: { kind: 'Document', definitions: [] } },
      { query: '' },
      {},
      { query: valid, variables: 5 },
      { query: valid, variables: 'x' },
      { query: valid, variables: [1] },
      { query: valid, operationName: 7 },
      { query: valid, extensions: 'x' },
      [{ query: valid }],
      'a string',
      null,
    ];
    for (const body of bodies) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        payload: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().errors[0].extensions, JSON.stringify(body)).toEqual({
        code: 'BAD_REQUEST',
        statusCode: 400,
      });
    }
    const get = (search: string) =>
      t.app.inject({ method: 'GET', url: `/graphql?${search}`, headers: { 'mercurius-require-preflight': 'yes' } });
    const query = encodeURIComponent(valid);
    for (const search of [`query=${query}&variables=5`, `query=${query}&variables=nojson`, `query=a&query=b`]) {
      const response = await get(search);
      expect(response.statusCode, search).toBe(400);
      expect(response.json().errors[0].extensions.code, search).toBe('BAD_REQUEST');
    }
    // The well-formed ones still work, with and without the optional fields.
    expect((await get(`query=${query}&variables=%7B%7D`)).json()).toEqual({ data: { health: { ready: true } } });
    const posted = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: valid, variables: null, operationName: null, extensions: {} },
    });
    expect(posted.json()).toEqual({ data: { health: { ready: true } } });
  });

  it('refuses queries that nest too deep, select too much, alias too often or are too long', async () => {
    const t = await startTestApp({ withFixture: true });
    const deep = await t.gql(
      '{ organisation(id: "org") { scenarios { id } actors { nodes { id } } units { id } currentScenario { id } } }',
    );
    expect(deep.errors).toBeUndefined();
    const nested = `{ organisation(id: "org") { ${'actors { nodes { id } } '.repeat(1)} } }`;
    expect((await t.gql(nested)).errors).toBeUndefined();
    // 3: the helper's own login mutation is three deep.
    const limited = await startTestApp({ withFixture: true, app: { queryLimits: { maxDepth: 3 } } });
    const tooDeep = await limited.gql('{ organisation(id: "org") { actors { nodes { id } } } }');
    expect(tooDeep.errors![0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');

    const aliases = Array.from({ length: 31 }, (_, i) => `h${i}: health { ready }`).join(' ');
    const tooManyAliases = await t.gql(`{ ${aliases} }`);
    expect(tooManyAliases.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });

    const fragment = 'fragment F on Actor { id name personName levelKey role unitId tags notes version }';
    // Repeating one field (no aliases: the selections merge) still costs each time it is asked for.
    const spreads = 'actors(organisationId: "org") { nodes { ...F } } '.repeat(50);
    const wide = await t.gql(`{ ${spreads} } ${fragment}`);
    expect(wide.errors![0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');

    const long = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: `{ health { ready } } # ${'x'.repeat(20_000)}` },
    });
    expect(long.statusCode).toBe(413);
    expect(long.json().errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
  });

  it('refuses an over-large body, and cross-site simple requests', async () => {
    const t = await startTestApp({ app: { bodyLimitBytes: 1024 } });
    const big = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ health { ready } }', variables: { pad: 'x'.repeat(2048) } },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().errors[0].extensions.code).toBe('BODY_TOO_LARGE');
    const form = await t.app.inject({
      method: 'GET',
      url: '/graphql?query=%7Bme%7Bid%7D%7D',
    });
    expect(form.statusCode).toBe(400);
  });
});
