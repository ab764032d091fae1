import type { AddressInfo } from 'node:net';

import { expect, it } from 'vitest';

import { ADMIN, startTestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';
import { liveClient, subscription } from './live-client.ts';

const stores = await storeTargets();

const ME = '{ me { email } }';

describeEachStore(stores, 'signing out everywhere', (store) => {
  it('ends every session of the user, this one and those on other devices, and no one else’s', async () => {
    const t = await startTestApp({ store });
    const laptop = await t.signIn(ADMIN.email, ADMIN.password);
    const phone = await t.signIn(ADMIN.email, ADMIN.password);
    const other = await t.as('VIEWER');
    expect((await phone(ME)).data?.me).toEqual({ email: ADMIN.email });

    const result = await laptop('mutation { logoutEverywhere }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.logoutEverywhere).toBe(true);
    expect((await laptop(ME)).data?.me).toBeNull();
    expect((await phone(ME)).data?.me).toBeNull();
    expect((await other(ME)).data?.me).not.toBeNull();
  });

  it('needs a signed-in caller', async () => {
    const t = await startTestApp({ store });
    const result = await t.anonymous('mutation { logoutEverywhere }');
    expect(result.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('closes the live connections of every session, this one too', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const created = await t.gql(
      'mutation { createPresentation(input: { organisationId: "org", name: "Följ", steps: [{ title: "Ett" }] }) { presentation { id } } }',
    );
    const presentationId = created.data!.createPresentation.presentation.id as string;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/graphql`;
    const [laptop, phone] = [await t.signIn(ADMIN.email, ADMIN.password), await t.signIn(ADMIN.email, ADMIN.password)];
    const move = () =>
      t.gql('mutation($i: SetPresenterStateInput!) { setPresenterState(input: $i) { stepIndex } }', {
        i: { organisationId: 'org', presentationId, stepIndex: 0, explore: false },
      });
    const sockets = [liveClient(url, laptop.cookie), liveClient(url, phone.cookie)];
    try {
      for (const socket of sockets) {
        const followed = subscription(
          socket.client,
          'subscription($o: ID!, $p: ID!) { presenterMovedInOrganisation(organisationId: $o, presentationId: $p) { stepIndex } }',
          { o: 'org', p: presentationId },
        );
        expect(await followed.firstAfter(move)).toEqual({ presenterMovedInOrganisation: { stepIndex: 0 } });
      }
      expect((await laptop('mutation { logoutEverywhere }')).data?.logoutEverywhere).toBe(true);
      for (const socket of sockets) expect(await socket.closed).toMatchObject({ code: 4401 });
    } finally {
      for (const socket of sockets) await socket.client.dispose();
    }
  });
});
