import { expect, it } from 'vitest';

import { createUser } from '../src/auth/account-commands.ts';
import { hashToken, newToken } from '../src/auth/tokens.ts';
import { ADMIN, PASSWORD, startTestApp, type TestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

/**
 * Invitations (issue 11 item 2): a token never signs anyone in with a password. Signed out, the
 * invitee may only set the password of an address that has no account yet, with the same answer
 * either way; the membership is granted to the signed-in account whose email was invited.
 */
const PREVIEW = 'query($t: String!) { invitation(token: $t) { email organisationName role state } }';
const SET_PASSWORD = 'mutation($t: String!, $p: String!) { setInvitationPassword(token: $t, password: $p) }';
const ACCEPT = 'mutation($t: String!) { acceptInvitation(token: $t) { organisationId role organisation { name } } }';

async function invite(t: TestApp, email: string, role = 'EDITOR'): Promise<string> {
  const owner = await t.as('OWNER', 'org');
  const invited = await owner(
    'mutation($e: String!, $r: Role!) { invite(organisationId: "org", email: $e, role: $r) { token } }',
    {
      e: email,
      r: role,
    },
  );
  expect(invited.errors).toBeUndefined();
  return invited.data!.invite.token;
}

/** The answer as the caller receives it: status, cookies and body. */
async function raw(t: TestApp, query: string, variables: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
  return { status: response.statusCode, setCookie: response.headers['set-cookie'] ?? null, body: response.json() };
}

describeEachStore(stores, 'invitations', (store) => {
  it('show what a token opens, the same for an address with or without an account', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const forExisting = await invite(t, ADMIN.email, 'VIEWER');
    const forNew = await invite(t, 'Ny@Test.example', 'VIEWER');
    const existing = (await t.anonymous(PREVIEW, { t: forExisting })).data!.invitation;
    const fresh = (await t.anonymous(PREVIEW, { t: forNew })).data!.invitation;
    expect(fresh).toEqual({
      email: 'ny@test.example',
      organisationName: expect.any(String),
      role: 'VIEWER',
      state: 'VALID',
    });
    expect({ ...existing, email: null }).toEqual({ ...fresh, email: null });
    expect((await t.anonymous(PREVIEW, { t: 'not-a-token' })).data!.invitation).toBeNull();

    const expired = newToken();
    await t.app.accounts.createInvitation({
      tokenHash: hashToken(expired),
      email: 'sen@test.example',
      organisationId: 'org',
      role: 'VIEWER',
      invitedBy: 'user-x',
      createdAt: '2025-01-01T00:00:00.000Z',
      expiresAt: '2025-01-08T00:00:00.000Z',
      acceptedAt: null,
    });
    expect((await t.anonymous(PREVIEW, { t: expired })).data!.invitation.state).toBe('EXPIRED');
    expect((await t.anonymous(SET_PASSWORD, { t: expired, p: PASSWORD })).errors![0]!.extensions).toMatchObject({
      code: 'INVITATION_INVALID',
      state: 'EXPIRED',
    });
  });

  it('a new address: set a password (no session), sign in, accept; accepting again gives the same answer', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const token = await invite(t, 'Ny@Test.example');
    const set = await raw(t, SET_PASSWORD, { t: token, p: PASSWORD });
    expect(set).toEqual({ status: 200, setCookie: null, body: { data: { setInvitationPassword: true } } });
    expect((await t.anonymous(ACCEPT, { t: token })).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');

    const invitee = await t.signIn('ny@test.example', PASSWORD);
    const accepted = await invitee(ACCEPT, { t: token });
    expect(accepted.data!.acceptInvitation).toEqual({
      organisationId: 'org',
      role: 'EDITOR',
      organisation: { name: expect.any(String) },
    });
    const edit = await invitee(
      'mutation { updateActor(input: { organisationId: "org", id: "a-chief", role: "chef" }) { actor { role } } }',
    );
    expect(edit.data!.updateActor.actor.role).toBe('chef');
    expect(await invitee(ACCEPT, { t: token })).toEqual(accepted);
    expect((await t.anonymous(PREVIEW, { t: token })).data!.invitation.state).toBe('USED');
    // A used invitation sets no password any more.
    expect(
      (await t.anonymous(SET_PASSWORD, { t: token, p: 'another-password-9' })).errors![0]!.extensions,
    ).toMatchObject({ code: 'INVITATION_INVALID', state: 'USED' });

    // Removed from the organisation, the invitee cannot get back in with the old token.
    const me = (await invitee('{ me { id } }')).data!.me.id;
    await t.gql('mutation($u: ID!) { removeMember(organisationId: "org", userId: $u) }', { u: me });
    expect((await invitee(ACCEPT, { t: token })).errors![0]!.extensions).toMatchObject({
      code: 'INVITATION_INVALID',
      state: 'USED',
    });
  });

  it('forty password guesses through invitations never sign in to an existing account', async () => {
    const t = await startTestApp({ store, withFixture: true, app: { auth: { loginThrottle: { perAddress: 1000 } } } });
    // Anyone may create an organisation and invite any address, the administrator's too.
    const attacker = await t.as('outsider');
    const own = await attacker(
      'mutation { createOrganisation(input: { name: "Lockbete", kind: OTHER }) { organisation { id } } }',
    );
    const organisationId = own.data!.createOrganisation.organisation.id as string;
    const invited = await attacker(
      'mutation($o: ID!, $e: String!) { invite(organisationId: $o, email: $e, role: OWNER) { token } }',
      { o: organisationId, e: ADMIN.email },
    );
    const token = invited.data!.invite.token as string;
    const guesses = Array.from({ length: 40 }, (_, i) => (i === 17 ? ADMIN.password : `guess-number-${i}`));
    const answers = [];
    for (const guess of guesses) answers.push(await raw(t, SET_PASSWORD, { t: token, p: guess }));
    // The right guess is answered exactly as the wrong ones: no session, no hint.
    for (const answer of answers) {
      expect(answer).toEqual({ status: 200, setCookie: null, body: { data: { setInvitationPassword: true } } });
    }
    expect((await attacker(ACCEPT, { t: token })).errors![0]!.extensions).toMatchObject({
      code: 'INVITATION_FOR_ANOTHER_EMAIL',
      email: ADMIN.email,
    });
    // The administrator's password is unchanged (none of the guesses was stored), and the
    // invitation is still open for the administrator to accept after signing in.
    await expect(t.signIn(ADMIN.email, guesses[0]!)).rejects.toThrow(/sign-in failed/);
    const admin = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await t.anonymous(PREVIEW, { t: token })).data!.invitation.state).toBe('VALID');
    expect((await admin(ACCEPT, { t: token })).data!.acceptInvitation.role).toBe('OWNER');
    // Forty deliberately slow password hashes one after another: on a loaded machine they take
    // longer than the default 20 s.
  }, 90_000);

  it('answers the same, in shape and code, for an address with and without an account', async () => {
    const t = await startTestApp({ store, withFixture: true });
    await createUser(t.app.accounts, { email: 'finns@test.example', password: 'their-own-password-1' });
    const tokens = { existing: await invite(t, 'finns@test.example'), fresh: await invite(t, 'ny@test.example') };
    const both = async (password: string) =>
      [
        await raw(t, SET_PASSWORD, { t: tokens.existing, p: password }),
        await raw(t, SET_PASSWORD, { t: tokens.fresh, p: password }),
      ] as const;

    const [shortExisting, shortFresh] = await both('short');
    expect(shortExisting.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    expect(shortFresh).toEqual(shortExisting);
    const [setExisting, setFresh] = await both('a-chosen-password-1');
    expect(setExisting).toEqual({ status: 200, setCookie: null, body: { data: { setInvitationPassword: true } } });
    expect(setFresh).toEqual(setExisting);
    const states = await Promise.all(
      [tokens.existing, tokens.fresh].map(
        async (token) => (await t.anonymous(PREVIEW, { t: token })).data!.invitation.state,
      ),
    );
    expect(states).toEqual(['VALID', 'VALID']);
    // Only the new address got an account with the chosen password; the existing one kept its own.
    await expect(t.signIn('ny@test.example', 'a-chosen-password-1')).resolves.toBeTruthy();
    await expect(t.signIn('finns@test.example', 'a-chosen-password-1')).rejects.toThrow(/sign-in failed/);
    await expect(t.signIn('finns@test.example', 'their-own-password-1')).resolves.toBeTruthy();
  });

  it('is throttled per address when setting a password', async () => {
    // 3: the helper's administrator sign-in and the owner's are the first two attempts.
    const t = await startTestApp({ store, withFixture: true, app: { auth: { loginThrottle: { perAddress: 3 } } } });
    const token = await invite(t, 'ny@test.example');
    expect((await t.anonymous(SET_PASSWORD, { t: token, p: PASSWORD })).data!.setInvitationPassword).toBe(true);
    expect((await t.anonymous(SET_PASSWORD, { t: token, p: PASSWORD })).errors![0]!.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });

  it('grants the membership once when accepted, or set up, many times at once', async () => {
    const t = await startTestApp({ store, withFixture: true, app: { auth: { loginThrottle: { perAddress: 1000 } } } });
    const token = await invite(t, 'ny@test.example', 'VIEWER');
    const usersBefore = await t.app.accounts.countUsers();
    const passwords = Array.from({ length: 6 }, (_, i) => `parallel-password-${i}`);
    const set = await Promise.all(passwords.map((p) => t.anonymous(SET_PASSWORD, { t: token, p })));
    expect(set.map((answer) => answer.errors ?? answer.data)).toEqual(
      passwords.map(() => ({ setInvitationPassword: true })),
    );
    expect(await t.app.accounts.countUsers()).toBe(usersBefore + 1);
    const working = [];
    for (const password of passwords) {
      working.push(
        await t.signIn('ny@test.example', password).then(
          () => password,
          () => null,
        ),
      );
    }
    expect(working.filter(Boolean)).toHaveLength(1);

    const invitee = await t.signIn('ny@test.example', working.find(Boolean)!);
    const accepts = await Promise.all(Array.from({ length: 8 }, () => invitee(ACCEPT, { t: token })));
    for (const accepted of accepts)
      expect(accepted.data!.acceptInvitation).toMatchObject({ organisationId: 'org', role: 'VIEWER' });
    const members = (await t.gql('{ members(organisationId: "org") { role user { email } } }')).data!.members;
    expect(members.filter((m: { user: { email: string } }) => m.user.email === 'ny@test.example')).toEqual([
      { role: 'VIEWER', user: { email: 'ny@test.example' } },
    ]);
  });

  it('answers the same when the address gets its account from another request between check and write', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const token = await invite(t, 'ny@test.example');
    // The other request's write, made at the worst moment: right after this one looked.
    const accounts = t.app.accounts;
    const findCredentials = accounts.findCredentials.bind(accounts);
    accounts.findCredentials = async (email) => {
      const found = await findCredentials(email);
      await createUser(accounts, { email, password: 'the-other-request-1' });
      return found;
    };
    try {
      expect(await raw(t, SET_PASSWORD, { t: token, p: PASSWORD })).toEqual({
        status: 200,
        setCookie: null,
        body: { data: { setInvitationPassword: true } },
      });
    } finally {
      accounts.findCredentials = findCredentials;
    }
    await expect(t.signIn('ny@test.example', 'the-other-request-1')).resolves.toBeTruthy();
  });

  it('never lowers a role already held', async () => {
    const t = await startTestApp({ store, withFixture: true });
    await createUser(t.app.accounts, { email: 'chef@test.example', password: PASSWORD });
    await t.gql('mutation { setMember(organisationId: "org", email: "chef@test.example", role: OWNER) { role } }');
    const token = await invite(t, 'chef@test.example', 'VIEWER');
    const chef = await t.signIn('chef@test.example', PASSWORD);
    expect((await chef(ACCEPT, { t: token })).data!.acceptInvitation.role).toBe('OWNER');
  });
});
