import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { createShareLink } from '../src/presenting/share-links.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { liveClient, subscription } from './live-client.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

type Gql = Awaited<ReturnType<TestApp['as']>>;

/**
 * Presentations through the API: steps, what the audience receives (filtered by the server,
 * anonymised), share links (valid, revoked, expired, another organisation's) and live follow
 * over a real WebSocket. The fixture organisation "org" has a confidential link l-3 with a
 * note, a person name on a-chief ("Eva Exempel"), notes on a-teachers and perceptions.
 */
const SHOW_FIELDS = `
  presentation { name anonymised steps { id title caption scenarioId highlight { actorIds linkIds findingText { sv en } } } }
  maps { scenario { id kind } actors { id name personName notes tags } links { id notes confidential evidence { text } }
         perceptions { id } arenas { id description } }
  live { stepIndex explore }
  canPresent`;

const CREATE = `mutation($input: CreatePresentationInput!) {
  createPresentation(input: $input) { presentation { id version anonymised steps { id title camera { mode } } } }
}`;

const STORY = {
  organisationId: 'org',
  name: 'Berättelsen om Eva Exempel',
  steps: [
    { title: 'Hela kedjan', camera: { mode: 'FIT_ALL' } },
    {
      title: 'Rektor Ekskolan och lärarlaget',
      caption: 'Eva Exempel följer upp Rektor Ekskolan, men Lärarlag 4–6 hörs inte.',
      highlight: {
        actorIds: ['a-principal', 'a-teachers', 'a-deleted-since'],
        linkIds: ['l-2', 'l-3'],
        findingId: 'levelMatrix:LEVEL_GAP:principal-teacher',
        findingText: {
          sv: 'Rektor Ekskolan når inte Lärarlag 4–6.',
          en: 'Rektor Ekskolan does not reach Lärarlag 4–6.',
        },
      },
      camera: { mode: 'FIT_HIGHLIGHT' },
    },
    { title: 'Samma sak, närmare', camera: { mode: 'VIEWPORT', zoom: 2, panX: 10, panY: -5 } },
  ],
};

describeEachStore(stores, 'presentations', (store) => {
  let t: TestApp;
  let editor: Gql;
  let presentationId: string;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ store, withFixture: true, isShared: true });
    editor = await t.as('EDITOR');
    const created = await editor(CREATE, { input: STORY });
    expect(created.errors).toBeUndefined();
    presentationId = created.data!.createPresentation.presentation.id;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/graphql`;
  }, 60_000);
  afterAll(() => t.close());

  it('stores steps with new ids and defaults, anonymised unless said otherwise', async () => {
    const { data } = await editor(
      `query($id: ID!) { presentation(organisationId: "org", id: $id) {
        anonymised version steps { id title scenarioId levelKeys camera { mode zoom } highlight { actorIds pathFromId } } } }`,
      { id: presentationId },
    );
    const { steps, anonymised, version } = data!.presentation;
    expect(anonymised).toBe(true);
    expect(version).toBe(1);
    expect(steps.map((step: { title: string }) => step.title)).toEqual(STORY.steps.map((step) => step.title));
    expect(new Set(steps.map((step: { id: string }) => step.id)).size).toBe(3);
    expect(steps[0]).toMatchObject({ scenarioId: null, levelKeys: [], highlight: { actorIds: [], pathFromId: null } });
    expect(steps[2].camera).toEqual({ mode: 'VIEWPORT', zoom: 2 });
  });

  it('refuses a bad step naming the step and field, and stores nothing', async () => {
    const before = await editor('{ presentations(organisationId: "org") { id version } }');
    const refused = await editor(CREATE, {
      input: {
        organisationId: 'org',
        name: 'Trasig',
        steps: [
          { title: 'Bra' },
          { title: 'Fel scenario', scenarioId: 's-missing' },
          { title: 'Kamera utan zoom', camera: { mode: 'VIEWPORT' } },
          { title: 'Okänd nivå', levelKeys: ['nowhere'] },
        ],
      },
    });
    expect(refused.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    const fields = (refused.errors![0]!.extensions.issues as Array<{ field: string }>).map((issue) => issue.field);
    expect(fields).toEqual(['steps[1].scenarioId', 'steps[2].camera', 'steps[3].levelKeys[0]']);
    const update = await editor(
      `mutation($input: UpdatePresentationInput!) { updatePresentation(input: $input) { presentation { id } } }`,
      { input: { organisationId: 'org', id: presentationId, steps: [{ title: 'Bra' }, { title: '  ' }] } },
    );
    expect(update.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'steps[1].title' });
    expect(await editor('{ presentations(organisationId: "org") { id version } }')).toEqual(before);
  });

  it('refuses a stale edit with VERSION_CONFLICT instead of overwriting', async () => {
    const created = await editor(CREATE, { input: { organisationId: 'org', name: 'Två redaktörer' } });
    const id = created.data!.createPresentation.presentation.id;
    const save = (title: string) =>
      editor(
        `mutation($input: UpdatePresentationInput!) { updatePresentation(input: $input) { presentation { version } } }`,
        { input: { organisationId: 'org', id, expectedVersion: 1, steps: [{ title }] } },
      );
    expect((await save('Först')).data!.updatePresentation.presentation.version).toBe(2);
    expect((await save('Sedan')).errors![0]!.extensions.code).toBe('VERSION_CONFLICT');
  });

  describe('what the audience receives', () => {
    const expectNothingWithheldLeaks = (show: Record<string, any>) => {
      const text = JSON.stringify(show);
      for (const withheld of ['Eva Exempel', 'Sagt i förtroende', 'Nytt lag i höst', 'Protokoll från', 'ledning']) {
        expect(text, withheld).not.toContain(withheld);
      }
      for (const map of show.maps) {
        expect(map.links.map((link: { id: string }) => link.id)).not.toContain('l-3');
        expect(map.perceptions).toEqual([]);
        for (const actor of map.actors) expect(actor).toMatchObject({ personName: null, notes: null, tags: [] });
      }
      expect(text).not.toContain('l-3');
    };

    it('is filtered and anonymised by the server for a member of the audience', async () => {
      const audience = await t.as('AUDIENCE');
      const { data, errors } = await audience(
        `query($id: ID!) { presentationShow(organisationId: "org", id: $id) { ${SHOW_FIELDS} } }`,
        { id: presentationId },
      );
      expect(errors).toBeUndefined();
      const show = data!.presentationShow;
      expectNothingWithheldLeaks(show);
      expect(show.canPresent).toBe(false);
      const names = Object.fromEntries(
        show.maps[0].actors.map((actor: { id: string; name: string }) => [actor.id, actor.name]),
      );
      // No roles in the fixture: each actor is named by its level, numbered only when shared.
      expect(names).toEqual({
        'a-committee': 'Politik',
        'a-chief': 'Förvaltning',
        'a-principal': 'Rektor',
        'a-teachers': 'Lärare',
        'a-university': 'Stöd',
      });
      const step = show.presentation.steps[1];
      expect(step.caption).toBe('Förvaltning följer upp Rektor, men Lärare hörs inte.');
      expect(step.title).toBe('Rektor och lärarlaget');
      expect(step.highlight.findingText.sv).toBe('Rektor når inte Lärare.');
      expect(step.highlight.actorIds).toEqual(['a-principal', 'a-teachers']);
      expect(step.highlight.linkIds).toEqual(['l-2']);
      expect(step.scenarioId).toBe('s-current');
      expect(show.presentation.name).toBe('Berättelsen om Förvaltning');
    });

    it('is all the audience role reads of presentations, in lists too', async () => {
      const fields = 'id name description steps { title caption highlight { actorIds linkIds findingText { sv en } } }';
      const inflected = await editor(CREATE, {
        input: {
          organisationId: 'org',
          name: 'EXEMPELS berättelse',
          description: 'Om eva exempel',
          steps: [
            {
              title: 'Evas möte med rektor ekskolan',
              caption: 'Exempel:s uppföljning når REKTOR EKSKOLANS lärarlag.',
              highlight: { linkIds: ['l-3', 'l-2'] },
            },
          ],
        },
      });
      const id = inflected.data!.createPresentation.presentation.id as string;
      const audience = await t.as('AUDIENCE');
      const listed = (await audience(`{ presentations(organisationId: "org") { ${fields} } }`)).data!.presentations;
      const one = (
        await audience(`query($id: ID!) { presentation(organisationId: "org", id: $id) { ${fields} } }`, { id })
      ).data!.presentation;
      expect(listed.find((p: { id: string }) => p.id === id)).toEqual(one);
      expect(one).toEqual({
        id,
        name: 'Förvaltnings berättelse',
        description: 'Om Förvaltning',
        steps: [
          {
            title: 'Förvaltnings möte med Rektor',
            caption: 'Förvaltnings uppföljning når Rektors lärarlag.',
            highlight: { actorIds: [], linkIds: ['l-2'], findingText: null },
          },
        ],
      });
      const text = JSON.stringify(listed).toLowerCase();
      for (const withheld of ['eva', 'exempel', 'l-3', 'ekskolan']) expect(text).not.toContain(withheld);
      // The same redaction as the presentation shown.
      const show = (
        await audience(
          `query($id: ID!) { presentationShow(organisationId: "org", id: $id) { presentation { ${fields} } } }`,
          { id },
        )
      ).data!.presentationShow.presentation;
      expect(show).toEqual(one);
      // Members who may see everything read the presentation as written.
      const viewer = await t.as('VIEWER');
      const written = (
        await viewer(`query($id: ID!) { presentation(organisationId: "org", id: $id) { ${fields} } }`, { id })
      ).data!.presentation;
      expect(written.name).toBe('EXEMPELS berättelse');
      expect(written.steps[0].highlight.linkIds).toEqual(['l-3', 'l-2']);
    });

    it('stands in for units that point at one person, unless the presentation keeps unit names', async () => {
      const made = await editor(CREATE, {
        input: {
          organisationId: 'org',
          name: 'Skolorna',
          steps: [{ title: 'Ekskolan', caption: 'Ekskolans rektor och Arbetslag 4–6 i Provby.' }],
        },
      });
      const { id, version } = made.data!.createPresentation.presentation;
      const audience = await t.as('AUDIENCE');
      const shown = async () =>
        (
          await audience(
            `query($id: ID!) { presentationShow(organisationId: "org", id: $id) {
              presentation { keepUnitNames steps { title caption } }
              maps { units { id name place anonymisedName { sv en } } } } }`,
            { id },
          )
        ).data!.presentationShow;
      const withheld = await shown();
      // Ekskolan has one principal, its team one teachers' team: both would name someone.
      expect(withheld.maps[0].units).toEqual([
        { id: 'u-school', name: 'Skola 1', place: null, anonymisedName: { sv: 'Skola 1', en: 'School 1' } },
        { id: 'u-team', name: 'Arbetslag 1', place: null, anonymisedName: { sv: 'Arbetslag 1', en: 'Team 1' } },
      ]);
      expect(withheld.presentation).toEqual({
        keepUnitNames: false,
        steps: [{ title: 'Skola 1', caption: 'Skola 1:s rektor och Arbetslag 1 i Provby.' }],
      });
      expect(JSON.stringify(withheld.maps)).not.toMatch(/Ekskolan|Provby|4–6/);

      const kept = await editor(
        `mutation($input: UpdatePresentationInput!) { updatePresentation(input: $input) { presentation { keepUnitNames } } }`,
        { input: { organisationId: 'org', id, expectedVersion: version, keepUnitNames: true } },
      );
      expect(kept.data!.updatePresentation.presentation.keepUnitNames).toBe(true);
      const named = await shown();
      expect(named.maps[0].units.map((unit: { name: string }) => unit.name)).toEqual(['Ekskolan', 'Arbetslag 4–6']);
      expect(named.maps[0].units.map((unit: { anonymisedName: unknown }) => unit.anonymisedName)).toEqual([null, null]);
      expect(named.presentation.steps[0].caption).toBe('Ekskolans rektor och Arbetslag 4–6 i Provby.');

      // Kept with the organisation: in its interchange document, and back from it.
      const exported = (await t.gql('{ exportOrganisation(id: "org") }')).data!.exportOrganisation;
      const document = typeof exported === 'string' ? JSON.parse(exported) : exported;
      const stored = document.presentations.find((p: { id: string }) => p.id === id);
      expect(stored).toMatchObject({ anonymised: true, keepUnitNames: true });
      const imported = await t.gql('mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }', {
        d: document,
      });
      expect(imported.errors).toBeUndefined();
      // An import as a new organisation gets an id the server chooses, not the document's.
      const copyId = imported.data!.importOrganisation.organisation.id;
      expect(copyId).not.toBe('org');
      const again = await t.gql(
        `query($org: ID!, $id: ID!) { presentation(organisationId: $org, id: $id) { keepUnitNames } }`,
        {
          org: copyId,
          id,
        },
      );
      expect(again.data!.presentation.keepUnitNames).toBe(true);
    });

    it('keeps names when the presentation is not anonymised, but never the confidential things', async () => {
      const plain = await editor(CREATE, { input: { ...STORY, name: 'Öppen', anonymised: false } });
      const id = plain.data!.createPresentation.presentation.id;
      const { data } = await editor(
        `query($id: ID!) { presentationShow(organisationId: "org", id: $id) { ${SHOW_FIELDS} } }`,
        { id },
      );
      const show = data!.presentationShow;
      expect(show.canPresent).toBe(true);
      expect(show.maps[0].actors.map((actor: { name: string }) => actor.name)).toContain('Rektor Ekskolan');
      expect(show.maps[0].links.map((link: { id: string }) => link.id)).not.toContain('l-3');
      expect(show.maps[0].perceptions).toEqual([]);
      expect(show.presentation.steps[1].highlight.linkIds).toEqual(['l-2']);
    });

    it('is the same through a share link, for someone without an account', async () => {
      const made = await editor(
        `mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token shareLink { id active expiresAt } } }`,
        { input: { organisationId: 'org', presentationId } },
      );
      expect(made.data!.createShareLink.shareLink).toMatchObject({ active: true, expiresAt: null });
      const token = made.data!.createShareLink.token as string;
      expect(token.length).toBeGreaterThanOrEqual(40);
      const { data, errors } = await t.anonymous(
        `query($token: String!) { sharedPresentation(token: $token) { ${SHOW_FIELDS} } }`,
        { token },
      );
      expect(errors).toBeUndefined();
      expectNothingWithheldLeaks(data!.sharedPresentation);
      expect(data!.sharedPresentation.canPresent).toBe(false);
      // The token opens this presentation only, not the organisation's map.
      const map = await t.anonymous('{ map(organisationId: "org") { actors { id } } }');
      expect(map.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('share links', () => {
    const shared = (token: string) =>
      t.anonymous('query($token: String!) { sharedPresentation(token: $token) { presentation { id } } }', { token });

    it('stop working when revoked, and say so', async () => {
      const { shareLink, token } = await createShareLink(t.app.store, t.app.accounts, {
        organisationId: 'org',
        presentationId,
        createdBy: null,
      });
      expect((await shared(token)).data!.sharedPresentation.presentation.id).toBe(presentationId);
      const revoked = await editor(
        'mutation($id: ID!) { revokeShareLink(organisationId: "org", id: $id) { active revokedAt } }',
        {
          id: shareLink.id,
        },
      );
      expect(revoked.data!.revokeShareLink.active).toBe(false);
      expect(revoked.data!.revokeShareLink.revokedAt).toEqual(expect.any(String));
      const refused = await shared(token);
      expect(refused.data).toBeNull();
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'SHARE_LINK_INVALID', state: 'REVOKED' });
      const listed = await editor(
        'query($id: ID!) { shareLinks(organisationId: "org", presentationId: $id) { id active } }',
        { id: presentationId },
      );
      expect(listed.data!.shareLinks).toContainEqual({ id: shareLink.id, active: false });
    });

    it('stop working when expired, and refuse an expiry in the past', async () => {
      const { token } = await createShareLink(
        t.app.store,
        t.app.accounts,
        { organisationId: 'org', presentationId, createdBy: null, expiresAt: '2025-01-02' },
        new Date('2025-01-01T00:00:00Z'),
      );
      expect((await shared(token)).errors![0]!.extensions).toMatchObject({
        code: 'SHARE_LINK_INVALID',
        state: 'EXPIRED',
      });
      const past = await editor(
        'mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token } }',
        { input: { organisationId: 'org', presentationId, expiresAt: '2001-01-01' } },
      );
      expect(past.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
      const future = await editor(
        'mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token shareLink { active expiresAt } } }',
        { input: { organisationId: 'org', presentationId, expiresAt: '2999-12-31' } },
      );
      expect(future.data!.createShareLink.shareLink).toEqual({ active: true, expiresAt: '2999-12-31T00:00:00.000Z' });
      expect((await shared(future.data!.createShareLink.token)).errors).toBeUndefined();
    });

    it('die with their presentation, and do not revive when its id is used again', async () => {
      const input = { organisationId: 'org', id: 'kortlivad', name: 'Kortlivad', steps: [{ title: 'Ett' }] };
      await editor(CREATE, { input });
      const { token } = await createShareLink(t.app.store, t.app.accounts, {
        organisationId: 'org',
        presentationId: 'kortlivad',
        createdBy: null,
      });
      const deleted = await editor(
        'mutation { deletePresentation(organisationId: "org", id: "kortlivad") { deletedId } }',
      );
      expect(deleted.data!.deletePresentation.deletedId).toBe('kortlivad');
      expect((await shared(token)).errors![0]!.extensions.code).toBe('SHARE_LINK_INVALID');
      await editor(CREATE, { input });
      expect((await shared(token)).errors![0]!.extensions).toMatchObject({
        code: 'SHARE_LINK_INVALID',
        state: 'REVOKED',
      });
    });

    it('refuse an unknown token without telling anything about the organisation', async () => {
      const refused = await shared('not-a-token');
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'SHARE_LINK_INVALID', state: 'UNKNOWN' });
      expect(JSON.stringify(refused)).not.toContain('org');
    });

    it('belong to one organisation: another organisation cannot list, revoke or make them', async () => {
      const { shareLink } = await createShareLink(t.app.store, t.app.accounts, {
        organisationId: 'org',
        presentationId,
        createdBy: null,
      });
      const outsider = await t.as('outsider');
      const list = await outsider('query($id: ID!) { shareLinks(organisationId: "org", presentationId: $id) { id } }', {
        id: presentationId,
      });
      expect(list.errors![0]!.extensions.code).toBe('FORBIDDEN');
      // An editor of another organisation, naming their own organisation with this link's ids.
      await t.app.store.createOrganisation({
        organisation: {
          id: 'other',
          name: 'Annan',
          kind: 'OTHER',
          description: null,
          levels: [{ key: 'x', name: 'X', isSide: false }],
          version: 1,
        },
        records: [
          {
            kind: 'scenario',
            record: {
              id: 's',
              name: 'Nu',
              kind: 'CURRENT',
              observedAt: null,
              description: null,
              basedOnId: null,
              organisationId: 'other',
              version: 1,
            },
          },
        ],
      });
      const otherEditor = await t.as('EDITOR', 'other');
      const revoke = await otherEditor(
        'mutation($id: ID!) { revokeShareLink(organisationId: "other", id: $id) { id } }',
        {
          id: shareLink.id,
        },
      );
      expect(revoke.errors![0]!.extensions.code).toBe('NOT_FOUND');
      const make = await otherEditor(
        'mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token } }',
        { input: { organisationId: 'other', presentationId } },
      );
      expect(make.errors![0]!.extensions.code).toBe('NOT_FOUND');
      expect(
        (await t.app.accounts.listShareLinks('org', presentationId)).find((l) => l.id === shareLink.id)!.revokedAt,
      ).toBeNull();
    });
  });

  describe('live follow over a WebSocket', () => {
    const follower = (headers: { cookie?: string } = {}) => liveClient(url, headers.cookie).client;

    const move = (stepIndex: number, explore = false) =>
      editor(
        `mutation($input: SetPresenterStateInput!) { setPresenterState(input: $input) { stepIndex explore at } }`,
        { input: { organisationId: 'org', presentationId, stepIndex, explore } },
      );

    it('sends the presenter’s moves and leaving to a share-link follower, and the refusal when the link is revoked', async () => {
      const { shareLink, token } = await createShareLink(t.app.store, t.app.accounts, {
        organisationId: 'org',
        presentationId,
        createdBy: null,
      });
      const client = follower();
      try {
        const query =
          'subscription($token: String!) { presenterMoved(token: $token) { presentationId stepIndex explore } }';
        const followed = subscription(client, query, { token });
        expect(await followed.firstAfter(() => move(1))).toEqual({
          presenterMoved: { presentationId, stepIndex: 1, explore: false },
        });
        expect((await move(2, true)).errors).toBeUndefined();
        expect(await followed.next()).toEqual({ presenterMoved: { presentationId, stepIndex: 2, explore: true } });
        const live = await t.anonymous(
          'query($token: String!) { sharedPresentation(token: $token) { live { stepIndex explore } } }',
          { token },
        );
        expect(live.data!.sharedPresentation.live).toEqual({ stepIndex: 2, explore: true });

        // The presenter leaves: followers are told, and may move on their own.
        const left = await editor(
          `mutation($input: SetPresenterStateInput!) { setPresenterState(input: $input) { presenting } }`,
          { input: { organisationId: 'org', presentationId, stepIndex: 2, explore: false, presenting: false } },
        );
        expect(left.data).toEqual({ setPresenterState: { presenting: false } });
        expect(await followed.next()).toEqual({ presenterMoved: { presentationId, stepIndex: 2, explore: false } });

        // Revoked through the API: the follower in place hears the refusal at once, without a move,
        // and a new subscription is refused, saying why.
        const revoked = await editor(
          'mutation($o: ID!, $id: ID!) { revokeShareLink(organisationId: $o, id: $id) { active } }',
          { o: 'org', id: shareLink.id },
        );
        expect(revoked.data).toEqual({ revokeShareLink: { active: false } });
        await expect(followed.next()).rejects.toThrow(/SHARE_LINK_INVALID/);
        const refused = await subscription(client, query, { token }).ended;
        expect(refused).toMatchObject({ errors: [{ extensions: { code: 'SHARE_LINK_INVALID', state: 'REVOKED' } }] });
      } finally {
        await client.dispose();
      }
    });

    it('refuses a move past the last step, and lets only editors present', async () => {
      expect((await move(3)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stepIndex' });
      const viewer = await t.as('VIEWER');
      const refused = await viewer(
        `mutation($input: SetPresenterStateInput!) { setPresenterState(input: $input) { stepIndex } }`,
        { input: { organisationId: 'org', presentationId, stepIndex: 0, explore: false } },
      );
      expect(refused.errors![0]!.extensions.code).toBe('FORBIDDEN');
    });

    it('lets a signed-in member follow by session cookie, and refuses a signed-out one', async () => {
      const member = await t.signIn(...(await memberCredentials(t)));
      const client = follower({ cookie: member.cookie });
      const signedOut = follower();
      try {
        const query = `subscription($o: ID!, $p: ID!) {
          presenterMovedInOrganisation(organisationId: $o, presentationId: $p) { stepIndex } }`;
        const followed = subscription(client, query, { o: 'org', p: presentationId });
        expect(await followed.firstAfter(() => move(0))).toEqual({ presenterMovedInOrganisation: { stepIndex: 0 } });
        expect(await subscription(signedOut, query, { o: 'org', p: presentationId }).ended).toMatchObject({
          errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
        });
      } finally {
        await client.dispose();
        await signedOut.dispose();
      }
    });

    it('refuses a WebSocket opened by a page of another site', async () => {
      const foreign = new WebSocket(url, 'graphql-transport-ws', { headers: { origin: 'https://evil.example' } });
      const status = await new Promise((resolve) =>
        foreign.on('unexpected-response', (_req, res) => resolve(res.statusCode)),
      );
      expect(status).toBe(403);
    });
  });
});

/** A fresh audience member's credentials (t.as signs in, but the cookie is needed here). */
async function memberCredentials(t: TestApp): Promise<[string, string]> {
  const { createUser } = await import('../src/auth/account-commands.ts');
  const email = `follower-${Date.now()}@test.example`;
  const user = await createUser(t.app.accounts, { email, password: 'member-password-1' });
  await t.app.accounts.setMembership({ organisationId: 'org', userId: user.id, role: 'AUDIENCE' });
  return [email, 'member-password-1'];
}
