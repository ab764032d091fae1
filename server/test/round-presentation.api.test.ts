import { afterAll, beforeAll, expect, it } from 'vitest';

import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { contractDocument } from '../src/store/contract/fixture.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';
import { startTestApp, type TestApp } from './helpers.ts';

/**
 * A presentation step that shows a perception round's result, through the API, on SQLite and on
 * Neo4j. The fixture organisation "org" (store/contract/fixture.ts): l-1 committee → chief
 * (STEERING, TIGHT, no ratings), l-2 chief → principal (LOOSE; target and source respond, both
 * distinctive), l-4 university → principal (SUPPORT, LOOSE); the chief's person name is "Eva
 * Exempel"; the school Ekskolan has one principal, so an anonymised presentation withholds its name.
 */
const stores = await storeTargets();

const OPEN = `mutation($input: OpenRoundInput!) { openRound(input: $input) { id code scenarioId } }`;
const JOIN = `mutation($input: JoinRoundInput!) { joinRound(input: $input) { token } }`;
const ANSWER = `mutation($input: AnswerRoundInput!) { answerRound(input: $input) { linkId } }`;
const CREATE = `mutation($input: CreatePresentationInput!) { createPresentation(input: $input) {
  presentation { id steps { id scenarioId roundId } } } }`;
const UPDATE = `mutation($input: UpdatePresentationInput!) { updatePresentation(input: $input) {
  presentation { id steps { id roundId } } } }`;
const SHOW_FIELDS = `presentation { steps { id roundId scenarioId } }
  rounds { roundId name scenarioId isOpen threshold participantCount answerCount
    comments { id linkId text released }
    links { linkId answered coupling { tight loose decoupled unknown } viewsPart differsFromRecorded
      groups { levelKey answered coupling { tight loose decoupled unknown } } } }`;
const SHOW = `query($o: ID!, $id: ID!) { presentationShow(organisationId: $o, id: $id) { ${SHOW_FIELDS} } }`;
const SHARED = `query($token: String!) { sharedPresentation(token: $token) { ${SHOW_FIELDS} } }`;
const SHARE = `mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token } }`;
const COUNT = `query { presentations(organisationId: "org") { id } }`;

/** y/n/? for target responds, source responds, distinctive. */
function ratings(tsd: string) {
  const v = (c: string) => (c === 'y' ? true : c === 'n' ? false : null);
  return { targetResponds: v(tsd[0]!), sourceResponds: v(tsd[1]!), distinctive: v(tsd[2]!) };
}

interface Shown {
  presentation: { steps: Array<{ id: string; roundId: string | null; scenarioId: string }> };
  rounds: Array<{
    roundId: string;
    name: string;
    isOpen: boolean;
    answerCount: number;
    participantCount: number;
    comments: Array<{ text: string; linkId: string }>;
    links: Array<{ linkId: string; answered: number; groups: Array<{ levelKey: string | null; answered: number }> }>;
  }>;
}

describeEachStore(stores, 'a presentation step showing a round’s result', (store) => {
  let t: TestApp;
  let editor: Awaited<ReturnType<TestApp['as']>>;
  let roundId = '';

  async function ok<T = Record<string, unknown>>(call: Promise<{ data?: T | null; errors?: unknown[] }>): Promise<T> {
    const response = await call;
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  }

  async function openRound(organisationId: string, as = editor) {
    const data = await ok<{ openRound: { id: string; code: string; scenarioId: string } }>(
      as(OPEN, {
        input: {
          organisationId,
          name: 'Ledningsdagen med Eva Exempel',
          selection: { kind: 'LINKS', linkIds: ['l-1', 'l-2', 'l-4'] },
          questions: { targetResponds: true, sourceResponds: true, distinctive: true, comment: true },
          mode: 'LIVE',
          threshold: 2,
        },
      }),
    );
    return data.openRound;
  }

  async function participant(code: string, levelKey: string) {
    return (await ok<{ joinRound: { token: string } }>(t.anonymous(JOIN, { input: { code, levelKey } }))).joinRound
      .token;
  }

  const answer = (token: string, linkId: string, tsd: string, comment: string | null = null) =>
    ok(t.anonymous(ANSWER, { input: { token, linkId, ...ratings(tsd), comment } }));

  async function presentation(fields: Record<string, unknown>) {
    const data = await ok<{
      createPresentation: { presentation: { id: string; steps: Shown['presentation']['steps'] } };
    }>(
      editor(CREATE, {
        input: {
          organisationId: 'org',
          name: 'Vad rundan visade',
          steps: [{ title: 'Kartan' }, { title: 'Rundan', roundId }],
          ...fields,
        },
      }),
    );
    return data.createPresentation.presentation;
  }

  beforeAll(async () => {
    t = await startTestApp({ store, withFixture: true, isShared: true });
    editor = await t.as('EDITOR');
    const round = await openRound('org');
    roundId = round.id;
    // Two principals and a teacher on l-2; the teacher alone is under the threshold of 2, so
    // all three are merged (the principals too: else the total gives the teacher away).
    const [p1, p2, teacher] = [
      await participant(round.code, 'principal'),
      await participant(round.code, 'principal'),
      await participant(round.code, 'teacher'),
    ];
    await answer(p1!, 'l-2', 'yyy', 'Eva Exempel lyssnar på Ekskolan'); // loose
    await answer(p2!, 'l-2', 'nny', 'Hemligt om nämnden'); // decoupled
    await answer(teacher!, 'l-2', 'yyn'); // tight
    await answer(p1!, 'l-1', 'yyn'); // tight
    await answer(p2!, 'l-4', 'yyy', 'Om stödteamet'); // loose; l-4 turns confidential below
    // Release the first comment and the one on l-4; the second stays hidden.
    const { roundResults } = await ok<{ roundResults: { comments: Array<{ id: string; text: string }> } }>(
      editor(`query($id: ID!) { roundResults(organisationId: "org", id: $id) { comments { id text } } }`, {
        id: roundId,
      }),
    );
    for (const comment of roundResults.comments.filter((c) => !c.text.startsWith('Hemligt'))) {
      await ok(
        editor(
          `mutation($r: ID!, $c: ID!) { releaseRoundComment(organisationId: "org", roundId: $r, commentId: $c, released: true) { id } }`,
          { r: roundId, c: comment.id },
        ),
      );
    }
    // The link is made confidential after the round asked about it: the audience never sees it.
    await ok(
      editor(
        `mutation { updateLink(input: { organisationId: "org", id: "l-4", confidential: true }) { link { id } } }`,
      ),
    );
    await importOrganisation(t.app.store, contractDocument('org-b'), 'CREATE', { log: t.app.changeLog, userId: null });
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses a round that is not the organisation’s, or a step on another scenario, and stores nothing', async () => {
    const before = (await ok<{ presentations: unknown[] }>(editor(COUNT))).presentations.length;
    const other = await openRound('org-b', await t.as('EDITOR', 'org-b'));
    await ok(
      editor(
        `mutation { createScenario(input: { organisationId: "org", id: "s-desired", name: "Önskat", kind: DESIRED }) { scenario { id } } }`,
      ),
    );
    const response = await editor(CREATE, {
      input: {
        organisationId: 'org',
        name: 'Fel',
        steps: [
          { title: 'Okänd', roundId: 'no-such-round' },
          { title: 'Annan organisation', roundId: other.id },
          { title: 'Annat scenario', roundId, scenarioId: 's-desired' },
          { title: 'Rätt', roundId },
        ],
      },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [
        { field: 'steps[0].roundId', reason: 'UNKNOWN_REFERENCE', value: 'no-such-round' },
        { field: 'steps[1].roundId', reason: 'UNKNOWN_REFERENCE', value: other.id },
        { field: 'steps[2].scenarioId', reason: 'OTHER_SCENARIO', value: 's-desired' },
      ],
    });
    expect((await ok<{ presentations: unknown[] }>(editor(COUNT))).presentations).toHaveLength(before);
    // An update is checked alike and leaves the stored presentation as it was.
    const made = await presentation({});
    const refused = await editor(UPDATE, {
      input: { organisationId: 'org', id: made.id, steps: [{ title: 'Okänd', roundId: 'no-such-round' }] },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ issues: [{ field: 'steps[0].roundId' }] });
    const shown = await ok<{ presentationShow: Shown }>(editor(SHOW, { o: 'org', id: made.id }));
    expect(shown.presentationShow.presentation.steps.map((s) => s.roundId)).toEqual([null, roundId]);
  });

  it('gives a round step the round’s scenario, and the audience the result under the smallest-group rule', async () => {
    const made = await presentation({ anonymised: false });
    expect(made.steps[1]).toMatchObject({ roundId, scenarioId: 's-current' });
    const audience = await t.as('AUDIENCE');
    const { presentationShow } = await ok<{ presentationShow: Shown }>(audience(SHOW, { o: 'org', id: made.id }));
    expect(presentationShow.rounds).toHaveLength(1);
    const [shown] = presentationShow.rounds;
    // l-4 turned confidential: left out, with its answer and its released comment.
    expect(shown).toMatchObject({
      roundId,
      scenarioId: 's-current',
      isOpen: true,
      threshold: 2,
      participantCount: 3,
      answerCount: 4,
    });
    expect(shown!.links.map((l) => l.linkId)).toEqual(['l-1', 'l-2']);
    expect(shown!.links[1]).toEqual({
      linkId: 'l-2',
      answered: 3,
      coupling: { tight: 1, loose: 1, decoupled: 1, unknown: 0 },
      viewsPart: ['COUPLING', 'TARGET_RESPONDS', 'SOURCE_RESPONDS'],
      // Most (2 of 3) say the target responds, the source responds: as recorded; distinctive 2 of 3 yes: as recorded.
      differsFromRecorded: [],
      groups: [{ levelKey: null, answered: 3, coupling: { tight: 1, loose: 1, decoupled: 1, unknown: 0 } }],
    });
    // Only the released comment on a link the audience sees; the person's name replaced.
    expect(shown!.comments).toHaveLength(1);
    expect(shown!.comments[0]).toMatchObject({ linkId: 'l-2', released: true });
    expect(shown!.comments[0]!.text).not.toContain('Eva');
    expect(shown!.comments[0]!.text).toContain('lyssnar på Ekskolan');
    expect(shown!.name).not.toContain('Eva');
    expect(JSON.stringify(presentationShow)).not.toContain('Hemligt');
    expect(JSON.stringify(presentationShow)).not.toContain('l-4');
  });

  it('shows the same through a share link, without names when the presentation is anonymised, and closed', async () => {
    const made = await presentation({ anonymised: true });
    const { createShareLink } = await ok<{ createShareLink: { token: string } }>(
      editor(SHARE, { input: { organisationId: 'org', presentationId: made.id } }),
    );
    await ok(editor(`mutation($id: ID!) { closeRound(organisationId: "org", id: $id) { id } }`, { id: roundId }));
    const { sharedPresentation } = await ok<{ sharedPresentation: Shown }>(
      t.anonymous(SHARED, { token: createShareLink.token }),
    );
    const [shown] = sharedPresentation.rounds;
    expect(shown).toMatchObject({ roundId, isOpen: false, answerCount: 4 });
    expect(shown!.links.map((l) => [l.linkId, l.answered])).toEqual([
      ['l-1', 1],
      ['l-2', 3],
    ]);
    // The one principal on l-1 is under the threshold: merged, never shown as a level.
    expect(shown!.links[0]!.groups).toEqual([
      { levelKey: null, answered: 1, coupling: { tight: 1, loose: 0, decoupled: 0, unknown: 0 } },
    ]);
    const text = JSON.stringify(sharedPresentation);
    expect(text).not.toContain('Eva');
    expect(text).not.toContain('Ekskolan');
    expect(text).not.toContain('Hemligt');
    expect(shown!.comments).toHaveLength(1);
  });
});
