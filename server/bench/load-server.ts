/**
 * The server side of load.bench.ts: a real app on 127.0.0.1 with the fixture organisation, one
 * viewer and N editors signed in; sends their cookies to the parent, closes on SIGTERM.
 */
import { buildApp } from '../src/app.ts';
import { createUser } from '../src/auth/account-commands.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { contractDocument } from '../src/store/contract/fixture.ts';

const [file, editorCount] = process.argv.slice(2) as [string, string];
const PASSWORD = 'load-password-1';

const app = await buildApp({
  store: { kind: 'sqlite', file },
  // The per-user API limit would otherwise be what we measure.
  rateLimitPerMinute: 10_000_000,
  auth: { loginThrottle: { perAddress: 1000 } },
});
await importOrganisation(app.store, contractDocument('org'), 'CREATE', { log: app.changeLog, userId: null });

async function sessionCookie(role: 'VIEWER' | 'EDITOR', n: number): Promise<string> {
  const email = `${role.toLowerCase()}-${n}@load.example`;
  const user = await createUser(app.accounts, { email, password: PASSWORD });
  await app.accounts.setMembership({ organisationId: 'org', userId: user.id, role });
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: `mutation { login(email: "${email}", password: "${PASSWORD}") { user { id } } }` },
  });
  return String(response.headers['set-cookie']).split(';')[0]!;
}

const viewerCookie = await sessionCookie('VIEWER', 0);
const editorCookies = await Promise.all(
  Array.from({ length: Number(editorCount) }, (_, n) => sessionCookie('EDITOR', n)),
);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
process.send?.({ address, viewerCookie, editorCookies });
