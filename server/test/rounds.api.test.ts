import type { AddressInfo } from 'node:net';

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { createUser } from '../src/auth/account-commands.ts';
import { PASSWORD, startTestApp, type TestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';
import { liveClient, subscription } from './live-client.ts';

const stores = await storeTargets();

/**
 * Perception rounds through the API, on the fixture organisation "org" (store/contract/fixture.ts):
 * l-1 committee → chief (STEERING, TIGHT), l-2 chief → principal (FOLLOW_UP, LOOSE, all three
 * ratings yes), l-3 principal → teachers (confidential), l-4 university → principal (SUPPORT).
 */
const OPEN = `mutation($input: OpenRoundInput!) { openRound(input: $input) {
  id code isOpen linkIds threshold mode closesAt participantCount selection { kind linkIds levelKeys } } }`;
const JOIN = `mutation($input: JoinRoundInput!) { joinRound(input: $input) { token round {
  name isOpen levelKey levelName links { id sourceName targetName kind } answers { linkId } } } }`;
const ANSWER = `mutation($input: AnswerRoundInput!) { answerRound(input: $input) {
  linkId targetResponds sourceResponds distinctive comment } }`;
const RESULTS = `query($o: ID!, $id: ID!) { roundResults(organisationId: $o, id: $id) {
  participantCount answerCount comments { id linkId text released }
  links { linkId answered coupling { tight loose decoupled unknown } targetResponds { yes no unknown }
    viewsPart differsFromRecorded groups { levelKey answered coupling { tight loose decoupled unknown } } } } }`;

const ALL = { targetResponds: true, sourceResponds: true, distinctive: true, comment: true };

/** y/n/? for target responds, source responds, distinctive. */
function ratings(tsd: string) {
  const v = (c: string) => (c === 'y' ? true : c === 'n' ? false : null);
  return { targetResponds: v(tsd[0]!), sourceResponds: v(tsd[1]!), distinctive: v(tsd[2]!) };
}

describeEachStore(stores, 'perception rounds', (store) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp({
      store,
      withFixture: true,
      isShared: true,
      app: { rounds: { maxParticipants: 4, requestsPerMinutePerToken: 30 } },
    });
    editor = await t.as('EDITOR');
  }, 60_000);
  afterAll(() => t.close());

  async function open(fields: Record<string, unknown> = {}) {
    const response = await editor(OPEN, {
      input: {
        organisationId: 'org',
        name: 'Ledningsdagen',
        selection: { kind: 'LINKS', linkIds: ['l-1', 'l-2', 'l-4'] },
        questions: ALL,
        mode: 'LIVE',
        threshold: 2,
        ...fields,
      },
    });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.openRound as { id: string; code: string; linkIds: string[] };
  }

  async function join(code: string, levelKey: string) {
    const response = await t.anonymous(JOIN, { input: { code, levelKey } });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.joinRound as { token: string; round: Record<string, unknown> };
  }

  const answer = (token: string, linkId: string, tsd: string, comment: string | null = null) =>
    t.anonymous(ANSWER, { input: { token, linkId, ...ratings(tsd), comment } });

  const results = async (id: string) => (await editor(RESULTS, { o: 'org', id })).data!.roundResults;

  it('opens a round on the links asked about, with a short code, and says what is wrong with a bad one', async () => {
    const round = await open();
    expect(round).toMatchObject({
      code: expect.stringMatching(/^[2-9A-Z]{6}$/),
      isOpen: true,
      linkIds: ['l-1', 'l-2', 'l-4'],
    });
    const around = await open({ selection: { kind: 'AROUND_UNIT', unitId: 'u-school' } });
    expect(around.linkIds).toEqual(['l-2', 'l-4']);
    const refused = await editor(OPEN, {
      input: {
        organisationId: 'org',
        name: ' ',
        selection: { kind: 'LINKS', linkIds: ['l-3', 'l-none'] },
        questions: { ...ALL, targetResponds: false, sourceResponds: false, distinctive: false },
        mode: 'UNTIL',
        threshold: 0,
      },
    });
    expect(refused.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect((refused.errors![0]!.extensions.issues as Array<{ field: string }>).map((i) => i.field)).toEqual([
      'name',
      'selection.linkIds[0]',
      'selection.linkIds[1]',
      'questions',
      'threshold',
      'closesAt',
    ]);
    expect((await editor('query { rounds(organisationId: "org") { id } }')).data!.rounds).toHaveLength(2);
  });

  it('shows a participant only the links asked about, by their role labels: no names, notes, confidential links or others’ answers', async () => {
    const round = await open({ selection: { kind: 'AROUND_UNIT', unitId: 'u-school' } });
    const invitation = await t.anonymous(
      `query($c: String!) { roundInvitation(code: $c) { name isOpen levels { key name } roles linkCount } }`,
      { c: round.code.toLowerCase() },
    );
    expect(invitation.data!.roundInvitation).toMatchObject({
      name: 'Ledningsdagen',
      isOpen: true,
      linkCount: 2,
      roles: [],
    });
    const first = await join(round.code, 'principal');
    await answer(first.token, 'l-2', 'yyn', 'Vi möts varje termin.');
    const second = await join(round.code, 'administration');
    const seen = JSON.stringify(
      await t.anonymous(
        `query($t: String!) { participantRound(token: $t) { name levelName links { id sourceName targetName kind }
          answers { linkId targetResponds comment } } }`,
        { t: second.token },
      ),
    );
    expect(JSON.parse(seen).data.participantRound).toEqual({
      name: 'Ledningsdagen',
      levelName: 'Förvaltning',
      links: [
        { id: 'l-2', sourceName: 'Skolchef', targetName: 'Rektor Ekskolan', kind: 'FOLLOW_UP' },
        { id: 'l-4', sourceName: 'Lärosätets stödteam', targetName: 'Rektor Ekskolan', kind: 'SUPPORT' },
      ],
      answers: [],
    });
    for (const hidden of ['Eva Exempel', 'Sagt i förtroende', 'Nytt lag', 'l-3', 'Vi möts', 'Protokoll', 'ledning']) {
      expect(seen).not.toContain(hidden);
    }
  });

  it('counts each participant once per link, splits the answers by level under the threshold and marks where views part', async () => {
    const round = await open();
    const [p1, p2, a1] = [
      await join(round.code, 'principal'),
      await join(round.code, 'principal'),
      await join(round.code, 'administration'),
    ];
    // Two principals: decoupled and loose on l-2 (recorded LOOSE, all yes). The first answers twice.
    expect((await answer(p1.token, 'l-2', 'yyy')).data!.answerRound).toMatchObject({
      linkId: 'l-2',
      distinctive: true,
    });
    await answer(p1.token, 'l-2', 'nny');
    await answer(p2.token, 'l-2', 'yny');
    let l2 = (await results(round.id)).links.find((l: { linkId: string }) => l.linkId === 'l-2');
    expect(l2).toMatchObject({
      answered: 2,
      coupling: { tight: 0, loose: 1, decoupled: 1, unknown: 0 },
      viewsPart: ['COUPLING', 'TARGET_RESPONDS'],
      // Source responds: both no, recorded yes.
      differsFromRecorded: ['SOURCE_RESPONDS'],
      groups: [{ levelKey: 'principal', answered: 2 }],
    });
    // One administrator: under the threshold of 2, and so the principals are merged with them too.
    await answer(a1.token, 'l-2', 'yyn');
    l2 = (await results(round.id)).links.find((l: { linkId: string }) => l.linkId === 'l-2');
    expect(l2.answered).toBe(3);
    expect(l2.groups).toEqual([
      { levelKey: null, answered: 3, coupling: { tight: 1, loose: 1, decoupled: 1, unknown: 0 } },
    ]);
  });

  it('keeps comments hidden until released, and a changed comment hidden again', async () => {
    const round = await open();
    const p = await join(round.code, 'teacher');
    await answer(p.token, 'l-1', 'yyn', 'Vi hör sällan av nämnden.');
    const [comment] = (await results(round.id)).comments;
    expect(comment).toMatchObject({ linkId: 'l-1', text: 'Vi hör sällan av nämnden.', released: false });
    const released = await editor(
      `mutation($r: ID!, $c: ID!) { releaseRoundComment(organisationId: "org", roundId: $r, commentId: $c, released: true) { released } }`,
      { r: round.id, c: comment.id },
    );
    expect(released.data!.releaseRoundComment.released).toBe(true);
    await answer(p.token, 'l-1', 'yyn', 'Ändrat.');
    expect((await results(round.id)).comments).toEqual([
      { id: comment.id, linkId: 'l-1', text: 'Ändrat.', released: false },
    ]);
  });

  it('refuses an answer about a link not asked, a question not asked, an unknown token, and after the close', async () => {
    const round = await open({ questions: { ...ALL, distinctive: false, comment: false } });
    const p = await join(round.code, 'principal');
    const codes = async (promise: Promise<{ errors?: Array<{ extensions: { code: string; field?: string } }> }>) =>
      (await promise).errors?.map((e) => [e.extensions.code, e.extensions.field]);
    expect(await codes(answer(p.token, 'l-3', 'yn?'))).toEqual([['BAD_USER_INPUT', 'linkId']]);
    expect(await codes(answer(p.token, 'l-1', 'ynn'))).toEqual([['BAD_USER_INPUT', 'distinctive']]);
    expect(await codes(answer('not-a-token', 'l-1', 'yn?'))).toEqual([['ROUND_TOKEN_INVALID', undefined]]);
    expect(await codes(t.anonymous(JOIN, { input: { code: round.code, levelKey: 'pupils' } }))).toEqual([
      ['BAD_USER_INPUT', 'levelKey'],
    ]);
    expect(await codes(t.anonymous(JOIN, { input: { code: 'ZZZZZZ', levelKey: 'principal' } }))).toEqual([
      ['ROUND_CODE_INVALID', undefined],
    ]);
    await answer(p.token, 'l-1', 'yn?');
    await editor(`mutation($id: ID!) { closeRound(organisationId: "org", id: $id) { closedAt } }`, { id: round.id });
    expect(await codes(answer(p.token, 'l-1', 'nn?'))).toEqual([['ROUND_CLOSED', undefined]]);
    expect(await codes(t.anonymous(JOIN, { input: { code: round.code, levelKey: 'principal' } }))).toEqual([
      ['ROUND_CLOSED', undefined],
    ]);
    expect(
      await codes(
        editor(`mutation($id: ID!) { closeRound(organisationId: "org", id: $id) { closedAt } }`, { id: round.id }),
      ),
    ).toEqual([['ROUND_CLOSED', undefined]]);
    expect((await results(round.id)).links[0]).toMatchObject({
      linkId: 'l-1',
      answered: 1,
      targetResponds: { yes: 1, no: 0, unknown: 0 },
    });
  });

  it('lets a participant token answer only its own round, and opens nothing else', async () => {
    const a = await open({ selection: { kind: 'LINKS', linkIds: ['l-1'] } });
    const b = await open({ selection: { kind: 'LINKS', linkIds: ['l-4'] } });
    const p = await join(a.code, 'principal');
    const refused = await answer(p.token, 'l-4', 'yyn');
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'linkId' });
    expect((await results(b.id)).answerCount).toBe(0);
    // The token is no session: as a cookie it signs nobody in.
    const asCookie = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { cookie: `kk_session=${p.token}` },
      payload: { query: '{ rounds(organisationId: "org") { id } }' },
    });
    expect(asCookie.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('takes at most the configured participants, and limits the requests of one token', async () => {
    const round = await open();
    for (let i = 0; i < 4; i++) await join(round.code, 'teacher');
    const full = await t.anonymous(JOIN, { input: { code: round.code, levelKey: 'teacher' } });
    expect(full.errors![0]!.extensions).toMatchObject({ code: 'ROUND_FULL', limit: 4 });
    const other = await open();
    const p = await join(other.code, 'teacher');
    const codes: string[] = [];
    for (let i = 0; i < 31; i++)
      codes.push((await answer(p.token, 'l-1', i % 2 ? 'yyn' : 'nny')).errors?.[0]?.extensions.code ?? 'ok');
    expect(codes.slice(0, 30).every((code) => code === 'ok')).toBe(true);
    expect(codes[30]).toBe('TOO_MANY_REQUESTS');
  });

  it('closes into a dated observation scenario whose perceptions the asymmetry analysis lists as disagreements', async () => {
    const round = await open({ threshold: 2 });
    const [p1, p2, a1] = [
      await join(round.code, 'principal'),
      await join(round.code, 'principal'),
      await join(round.code, 'administration'),
    ];
    await answer(p1.token, 'l-2', 'nny', 'Vi möts sällan.');
    await answer(p2.token, 'l-2', 'yyn');
    await answer(a1.token, 'l-2', 'yyy');
    await answer(a1.token, 'l-4', 'yy?');
    const [comment] = (await results(round.id)).comments;
    await editor(
      `mutation($r: ID!, $c: ID!) { releaseRoundComment(organisationId: "org", roundId: $r, commentId: $c, released: true) { id } }`,
      { r: round.id, c: comment.id },
    );
    const closed = await editor(
      `mutation($id: ID!) { closeRound(organisationId: "org", id: $id, lang: EN) { isOpen closedAt observationScenarioId } }`,
      { id: round.id },
    );
    const { observationScenarioId, closedAt, isOpen } = closed.data!.closeRound;
    expect(isOpen).toBe(false);
    const scenario = await editor(
      `query($id: ID!) { map(organisationId: "org", scenarioId: $id) {
      scenario { kind observedAt name } links { id sourceId targetId }
      perceptions { linkId respondent respondentActorId coupling targetResponds sourceResponds distinctive comment observedAt } } }`,
      {
        id: observationScenarioId,
      },
    );
    const map = scenario.data!.map;
    expect(map.scenario).toEqual({
      kind: 'OBSERVATION',
      observedAt: closedAt.slice(0, 10),
      name: `Ledningsdagen ${closedAt.slice(0, 10)}`,
    });
    const copyOf = (source: string, target: string) =>
      map.links.find((l: { sourceId: string; targetId: string }) => l.sourceId === source && l.targetId === target).id;
    const l2 = copyOf('a-chief', 'a-principal');
    // Three participants over two levels, threshold 2: the administrator cannot be shown apart,
    // so no level is (respondentLabels); every respondent is named as merged, none by name.
    const merged = 'Merged levels (too few to show apart)';
    expect(map.perceptions.filter((p: { linkId: string }) => p.linkId === l2)).toEqual(
      expect.arrayContaining([
        {
          linkId: l2,
          respondent: merged,
          respondentActorId: null,
          coupling: 'DECOUPLED',
          targetResponds: false,
          sourceResponds: false,
          distinctive: true,
          comment: 'Vi möts sällan.',
          observedAt: closedAt.slice(0, 10),
        },
        {
          linkId: l2,
          respondent: merged,
          respondentActorId: null,
          coupling: 'TIGHT',
          targetResponds: true,
          sourceResponds: true,
          distinctive: false,
          comment: null,
          observedAt: closedAt.slice(0, 10),
        },
        {
          linkId: l2,
          respondent: merged,
          respondentActorId: null,
          coupling: 'LOOSE',
          targetResponds: true,
          sourceResponds: true,
          distinctive: true,
          comment: null,
          observedAt: closedAt.slice(0, 10),
        },
      ]),
    );
    expect(map.perceptions).toHaveLength(4);
    const analysis = await editor(
      `query($s: ID!) { analysis(organisationId: "org", scenarioId: $s) {
      asymmetry { disagreements { linkId aspects answers { coupling } } } } }`,
      { s: observationScenarioId },
    );
    expect(analysis.data!.analysis.asymmetry.disagreements).toEqual([
      { linkId: l2, aspects: ['COUPLING', 'TARGET_RESPONDS', 'SOURCE_RESPONDS'], answers: expect.any(Array) },
    ]);
  });

  it('exports the anonymous answers as CSV and XLSX, formula-safe, to editors only', async () => {
    const round = await open({ threshold: 1 });
    const p = await join(round.code, 'principal');
    await answer(p.token, 'l-2', 'yyn', '=HYPERLINK("http://example.org","klicka")');
    await answer(p.token, 'l-1', 'n??', '@kvar');
    const [released] = (await results(round.id)).comments;
    await editor(
      `mutation($r: ID!, $c: ID!) { releaseRoundComment(organisationId: "org", roundId: $r, commentId: $c, released: true) { id } }`,
      { r: round.id, c: released.id },
    );
    const cookie = (editor as unknown as { cookie: string }).cookie;
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/rounds/org/${round.id}.csv?lang=sv`,
      headers: { cookie },
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'deltagare,svarande,länk,från,till,slag,mottagaren svarar,avsändaren svarar,egen bedömning,koppling,kommentar',
    );
    const releasedIsL1 = released.linkId === 'l-1';
    expect(lines.slice(1).sort()).toEqual(
      [
        `1,Rektor,l-1,Barn- och utbildningsnämnden,Skolchef,STEERING,nej,vet inte,vet inte,,${releasedIsL1 ? "'@kvar" : ''}`,
        `1,Rektor,l-2,Skolchef,Rektor Ekskolan,FOLLOW_UP,ja,ja,nej,TIGHT,${releasedIsL1 ? '' : `"'=HYPERLINK(""http://example.org"",""klicka"")"`}`,
      ].sort(),
    );
    expect(csv.body).not.toContain(p.token);
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/rounds/org/${round.id}.xlsx`, headers: { cookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('answers')!;
    const cells = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.slice(1).map(String) : []));
    expect(cells).toContain('respondent');
    expect(cells.filter((cell) => /^'*[=@]/.test(cell))).toEqual(cells.filter((cell) => cell.startsWith("'")));
    expect(sheet.rowCount).toBe(3);
    const viewer = await t.as('VIEWER');
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/rounds/org/${round.id}.csv`,
      headers: { cookie: (viewer as unknown as { cookie: string }).cookie },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('sends the facilitator the results again as answers arrive, and stops when the role is withdrawn', async () => {
    const round = await open();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/graphql`;
    const email = 'facilitator@test.example';
    const user = await createUser(t.app.accounts, { email, password: PASSWORD });
    await t.app.accounts.setMembership({ organisationId: 'org', userId: user.id, role: 'EDITOR' });
    const facilitator = await t.signIn(email, PASSWORD);
    // Joined before following: a join announces a change too, and a subscription already in place
    // would receive it (no answer yet) first instead of the answer's.
    const p = await join(round.code, 'principal');
    const live = liveClient(url, facilitator.cookie);
    try {
      const followed = subscription(
        live.client,
        `subscription($o: ID!, $id: ID!) { roundResultsChanged(organisationId: $o, id: $id) { answerCount links { linkId answered } } }`,
        { o: 'org', id: round.id },
      );
      const first = (await followed.firstAfter(() => answer(p.token, 'l-1', 'yyn'))) as {
        roundResultsChanged: { answerCount: number };
      };
      expect(first.roundResultsChanged.answerCount).toBe(1);
      await answer(p.token, 'l-4', 'nny');
      let latest: { roundResultsChanged: { answerCount: number } };
      do latest = (await followed.next()) as typeof latest;
      while (latest.roundResultsChanged.answerCount < 2);
      expect(latest.roundResultsChanged.answerCount).toBe(2);
      await t.app.accounts.removeMembership('org', user.id);
      await answer(p.token, 'l-2', 'nny');
      expect(await followed.ended).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    } finally {
      await live.client.dispose();
    }
  });
});
