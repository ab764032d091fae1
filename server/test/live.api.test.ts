import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { createUser } from '../src/auth/account-commands.ts';
import { hashToken } from '../src/auth/tokens.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';
import { liveClient, subscription } from './live-client.ts';

const stores = await storeTargets();

/**
 * Live follow over a real WebSocket (issue 11 item 7): access is re-checked when a subscription
 * starts and before every event, and ending a session or a membership closes the user's sockets.
 * Nothing here waits a fixed time: every "no longer" is an event (a close, an error) awaited.
 */
const FOLLOW = `subscription($o: ID!, $p: ID!) {
  presenterMovedInOrganisation(organisationId: $o, presentationId: $p) { stepIndex } }`;

describeEachStore(stores, 'live follow keeps to access', (store) => {
  let t: TestApp;
  let url: string;
  let presentationId: string;
  let editor: Awaited<ReturnType<TestApp['as']>>;
  let members = 0;

  beforeAll(async () => {
    t = await startTestApp({ store, withFixture: true, isShared: true });
    editor = await t.as('EDITOR');
    const created = await editor(
      `mutation { createPresentation(input: { organisationId: "org", name: "Följ", steps: [{ title: "Ett" }, { title: "Två" }] }) {
        presentation { id } } }`,
    );
    presentationId = created.data!.createPresentation.presentation.id;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/graphql`;
  }, 60_000);
  afterAll(() => t.close());

  const move = (stepIndex: number) =>
    editor(`mutation($input: SetPresenterStateInput!) { setPresenterState(input: $input) { stepIndex } }`, {
      input: { organisationId: 'org', presentationId, stepIndex, explore: false },
    });

  /** A new audience member, signed in: their id, password and a session's cookie. */
  async function member() {
    members += 1;
    const email = `live-${members}@test.example`;
    const password = 'member-password-1';
    const user = await createUser(t.app.accounts, { email, password });
    await t.app.accounts.setMembership({ organisationId: 'org', userId: user.id, role: 'AUDIENCE' });
    const session = await t.signIn(email, password);
    return { id: user.id, email, password, session };
  }

  /** A socket with the member's cookie, following the presentation (its first move received). */
  async function following(cookie: string) {
    const live = liveClient(url, cookie);
    const followed = subscription(live.client, FOLLOW, { o: 'org', p: presentationId });
    expect(await followed.firstAfter(() => move(0))).toEqual({ presenterMovedInOrganisation: { stepIndex: 0 } });
    return { ...live, followed };
  }

  it('closes the socket at logout', async () => {
    const { session } = await member();
    const live = await following(session.cookie);
    try {
      expect((await session('mutation { logout }')).data!.logout).toBe(true);
      expect(await live.closed).toMatchObject({ code: 4401 });
      expect(await live.followed.ended).toEqual({ closed: 4401 });
    } finally {
      await live.client.dispose();
    }
  });

  it('checks the session at every event and every new subscription on a socket already open', async () => {
    // The session ends without this server closing anything (expired, or ended elsewhere).
    const { session } = await member();
    const live = await following(session.cookie);
    try {
      await t.app.accounts.deleteSession(hashToken(session.cookie.split('=')[1]!));
      await move(1);
      expect(await live.followed.ended).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      const again = await subscription(live.client, FOLLOW, { o: 'org', p: presentationId }).ended;
      expect(again).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    } finally {
      await live.client.dispose();
    }
  });

  it('closes a removed member’s sockets, and checks the membership at every event', async () => {
    const removed = await member();
    const live = await following(removed.session.cookie);
    try {
      const removal = await t.gql('mutation($u: ID!) { removeMember(organisationId: "org", userId: $u) }', {
        u: removed.id,
      });
      expect(removal.data!.removeMember).toBe(true);
      expect(await live.closed).toMatchObject({ code: 4403 });
    } finally {
      await live.client.dispose();
    }

    // Membership withdrawn behind the API's back: the socket is open, but the next move ends the
    // subscription, and a new one on the same socket is refused.
    const other = await member();
    const open = await following(other.session.cookie);
    try {
      await t.app.accounts.removeMembership('org', other.id);
      await move(1);
      expect(await open.followed.ended).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
      const again = await subscription(open.client, FOLLOW, { o: 'org', p: presentationId }).ended;
      expect(again).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', needed: 'AUDIENCE' } }] });
    } finally {
      await open.client.dispose();
    }
  });

  it('closes the sockets of the other sessions at a password change, and keeps this session’s', async () => {
    const { email, password, session } = await member();
    const elsewhere = await t.signIn(email, password);
    const here = await following(session.cookie);
    const there = await following(elsewhere.cookie);
    try {
      const changed = await session(
        'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a-new-password-2") { id } }',
        { c: password },
      );
      expect(changed.errors).toBeUndefined();
      expect(await there.closed).toMatchObject({ code: 4401 });
      expect((await move(1)).errors).toBeUndefined();
      // Moves to step 0 made while both were being set up may still be queued: read past them.
      let heard: unknown;
      do heard = await here.followed.next();
      while (JSON.stringify(heard) === JSON.stringify({ presenterMovedInOrganisation: { stepIndex: 0 } }));
      expect(heard).toEqual({ presenterMovedInOrganisation: { stepIndex: 1 } });
    } finally {
      await here.client.dispose();
      await there.client.dispose();
    }
  });

  it('answers every refusal over the WebSocket with its code', async () => {
    const live = liveClient(url);
    try {
      const signedOut = await subscription(live.client, FOLLOW, { o: 'org', p: presentationId }).ended;
      expect(signedOut).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      const badToken = await subscription(
        live.client,
        'subscription($t: String!) { presenterMoved(token: $t) { stepIndex } }',
        { t: 'not-a-token' },
      ).ended;
      expect(badToken).toMatchObject({ errors: [{ extensions: { code: 'SHARE_LINK_INVALID', state: 'UNKNOWN' } }] });
      const unknownField = await subscription(
        live.client,
        'subscription($t: String!) { presenterMoved(token: $t) { stepIndx } }',
        { t: 'not-a-token' },
      ).ended;
      expect(unknownField).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
      const broken = await subscription(live.client, 'subscription { presenterMoved(token: ', {}).ended;
      expect(broken).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
      const long = await subscription(
        live.client,
        `subscription($t: String!) { presenterMoved(token: $t) { stepIndex } } # ${'x'.repeat(20_000)}`,
        { t: 'not-a-token' },
      ).ended;
      expect(long).toMatchObject({ errors: [{ extensions: { code: 'QUERY_TOO_LARGE', maxLength: 20_000 } }] });
      // Only subscriptions go over the socket; a query is a bad request there.
      const query = await subscription(live.client, '{ health { ready } }', {}).ended;
      expect(query).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    } finally {
      await live.client.dispose();
    }
  });
});
