/**
 * The server side of map-read.bench.ts: the real app on 127.0.0.1 (SQLite file) holding the sample
 * municipality and a 20,000-actor region, an editor signed in to both; and beside it a bare
 * Fastify that answers every POST with the bytes the app sent for the municipality's map, the
 * ceiling any GraphQL server can reach on this machine. Sends both addresses, the cookie and the
 * ids to the parent; closes on SIGTERM.
 */
import { readFileSync } from 'node:fs';

import Fastify from 'fastify';

import { buildApp } from '../src/app.ts';
import { createUser } from '../src/auth/account-commands.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { allRecords } from '../src/editing/read-map.ts';
import { mapQuery } from './map-read-query.ts';
import { syntheticChain, syntheticDocument } from './synthetic-chain.ts';

export interface MapReadServer {
  address: string;
  bareAddress: string;
  cookie: string;
  municipalityId: string;
  regionId: string;
  /** An actor of the region, which the bench renames to make the next read a cold one. */
  regionActorId: string;
  /** The municipality's map as the app sends it (and the bare server repeats). */
  bytes: number;
}

const [file] = process.argv.slice(2) as [string];
const EMAIL = 'map-read@bench.example';
const PASSWORD = 'map-read-password-1';

const app = await buildApp({
  store: { kind: 'sqlite', file },
  // The per-user API limit would otherwise be what we measure.
  rateLimitPerMinute: 10_000_000,
  // MAP_CACHE_MB=0: as before the map read cache (every query executed by Mercurius on the event loop).
  ...(process.env.MAP_CACHE_MB ? { mapReadCache: { maxBytes: Number(process.env.MAP_CACHE_MB) * 1024 * 1024 } } : {}),
});
const seed: unknown = JSON.parse(
  readFileSync(new URL('../../seeds/organisations/kommunby.json', import.meta.url), 'utf8'),
);
const municipality = (await importOrganisation(app.store, seed, 'CREATE')).organisation;
const region = (
  await importOrganisation(
    app.store,
    syntheticDocument(syntheticChain({ authorities: 10 }), 'region', { withDesired: false }),
    'CREATE',
  )
).organisation;
const user = await createUser(app.accounts, { email: EMAIL, password: PASSWORD });
for (const organisation of [municipality, region]) {
  await app.accounts.setMembership({ organisationId: organisation.id, userId: user.id, role: 'EDITOR' });
}
const login = await app.inject({
  method: 'POST',
  url: '/graphql',
  payload: { query: `mutation { login(email: "${EMAIL}", password: "${PASSWORD}") { user { id } } }` },
});
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const map = await app.inject({
  method: 'POST',
  url: '/graphql',
  headers: { cookie },
  payload: { query: mapQuery, variables: { organisationId: municipality.id } },
});
if (map.statusCode !== 200 || map.body.includes('"errors"')) throw new Error(`map read failed: ${map.body}`);
const body = map.rawPayload;

const bare = Fastify();
bare.post('/graphql', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));

const address = await app.listen({ host: '127.0.0.1', port: 0 });
const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
const [regionActor] = await allRecords(app.store, 'actor', region.id);
process.once('SIGTERM', () => {
  void Promise.all([app.close(), bare.close()]).then(() => process.exit(0));
});
process.send?.({
  address,
  bareAddress,
  cookie,
  municipalityId: municipality.id,
  regionId: region.id,
  regionActorId: regionActor!.id,
  bytes: body.length,
} satisfies MapReadServer);
