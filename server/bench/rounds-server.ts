/**
 * The server side of rounds.bench.ts: a real app on 127.0.0.1 with the sample municipality, an
 * editor (the facilitator) signed in and a live round open on its first 10 non-confidential
 * links; sends what the participants and the facilitator need to the parent, closes on SIGTERM.
 */
import { readFileSync } from 'node:fs';

import { buildApp } from '../src/app.ts';
import { createUser } from '../src/auth/account-commands.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { loadScenarioGraph } from '../src/editing/read-map.ts';

export interface RoundsReady {
  address: string;
  organisationId: string;
  roundId: string;
  code: string;
  linkIds: string[];
  cookie: string;
}

const [file, participants] = process.argv.slice(2) as [string, string];
const PASSWORD = 'bench-password-1';

const app = await buildApp({
  store: { kind: 'sqlite', file },
  // Every participant comes from 127.0.0.1, which the per-address API limit would count as one client.
  rateLimitPerMinute: 10_000_000,
  rounds: { maxParticipants: Number(participants) },
});
const seed: unknown = JSON.parse(
  readFileSync(new URL('../../seeds/organisations/kommunby.json', import.meta.url), 'utf8'),
);
const { organisation } = await importOrganisation(app.store, seed, 'CREATE', { log: app.changeLog, userId: null });
const graph = await loadScenarioGraph(app.store, organisation.id, null);
const linkIds = graph.links
  .filter((link) => !link.confidential)
  .slice(0, 10)
  .map((link) => link.id);

const email = 'facilitator@bench.example';
const user = await createUser(app.accounts, { email, password: PASSWORD });
await app.accounts.setMembership({ organisationId: organisation.id, userId: user.id, role: 'EDITOR' });
const gql = async (query: string, variables: Record<string, unknown>, cookie?: string) => {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query, variables },
    headers: cookie ? { cookie } : {},
  });
  return response;
};
const login = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }', {
  e: email,
  p: PASSWORD,
});
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
const opened = (
  await gql(
    'mutation($input: OpenRoundInput!) { openRound(input: $input) { id code } }',
    {
      input: {
        organisationId: organisation.id,
        name: 'Benchmark',
        selection: { kind: 'LINKS', linkIds },
        questions: { targetResponds: true, sourceResponds: true, distinctive: true, comment: false },
        mode: 'LIVE',
      },
    },
    cookie,
  )
).json() as { data: { openRound: { id: string; code: string } } };

const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
process.send?.({
  address,
  organisationId: organisation.id,
  roundId: opened.data.openRound.id,
  code: opened.data.openRound.code,
  linkIds,
  cookie,
} satisfies RoundsReady);
