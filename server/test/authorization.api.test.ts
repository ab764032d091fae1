import { afterAll, beforeAll, expect, it } from 'vitest';

import { invite } from '../src/auth/account-commands.ts';
import { hasRole, type Role } from '../src/auth/roles.ts';
import { hashToken } from '../src/auth/tokens.ts';
import { createRecord } from '../src/editing/record-commands.ts';
import { createShareLink } from '../src/presenting/share-links.ts';
import { joinRound } from '../src/rounds/participation.ts';
import { openRound, roundServices } from '../src/rounds/round-commands.ts';
import { DEFAULT_ROUND_LIMITS } from '../src/rounds/round-limits.ts';
import type { RecordKind } from '../src/domain/records.ts';
import { contractDocument } from '../src/store/contract/fixture.ts';
import { type Caller, startTestApp, type TestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

/**
 * Every query and mutation × every kind of caller, on the fixture organisation "org".
 * A caller is allowed when the answer carries no UNAUTHENTICATED / FORBIDDEN / PASSWORD_CHANGE_REQUIRED
 * (an allowed call may still fail for its own reasons, e.g. DUPLICATE, and that is not our concern here).
 */
type Needed = Role | 'SIGNED_IN' | 'ADMIN' | 'ANYONE';
type Vars = Record<string, unknown>;

interface Operation {
  name: string;
  needed: Needed;
  query: string;
  /** Fresh variables per attempt (allowed deletes must have something to delete). */
  vars: (t: TestApp, n: number) => Promise<Vars> | Vars;
}

const CALLERS: Caller[] = ['anonymous', 'outsider', 'AUDIENCE', 'VIEWER', 'EDITOR', 'OWNER', 'admin'];

function expected(caller: Caller, needed: Needed): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (needed === 'ANYONE') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (caller === 'admin' || needed === 'SIGNED_IN') return 'allowed';
  if (needed === 'ADMIN' || caller === 'outsider') return 'FORBIDDEN';
  return hasRole(caller, needed) ? 'allowed' : 'FORBIDDEN';
}

/** A record made directly through the commands (no GraphQL, no caller), for an attempt to act on. */
async function made(t: TestApp, kind: RecordKind, n: number, fields: Vars = {}): Promise<string> {
  const inputs: Record<RecordKind, Vars> = {
    unit: { name: `Enhet ${n}`, kind: 'TEAM' },
    actor: { name: `Aktör ${n}`, levelKey: 'teacher' },
    scenario: { name: `Observation ${n}`, kind: 'OBSERVATION', observedAt: '2025-01-15' },
    link: { scenarioId: 's-current', sourceId: 'a-principal', kind: 'DIALOGUE', coupling: 'LOOSE' },
    arena: { scenarioId: 's-current', name: `Arena ${n}` },
    perception: { linkId: 'l-1', respondent: `respondent ${n}` },
    initiative: { scenarioId: 's-current', name: `Insats ${n}` },
    presentation: { name: `Berättelse ${n}`, steps: [{ id: 'step-1', title: 'Kedjan' }] },
  };
  if (kind === 'link') fields = { targetId: await made(t, 'actor', n), ...fields };
  const record = await createRecord(t.app.store, kind, { organisationId: 'org', ...inputs[kind], ...fields });
  return record.id;
}

/** A share link made directly through the commands, as an editor would. */
function shareLink(t: TestApp, presentationId: string) {
  return createShareLink(t.app.store, t.app.accounts, {
    organisationId: 'org',
    presentationId,
    createdBy: null,
    expiresAt: null,
  });
}

/** A live round on l-1 and l-2 opened directly through the commands, and a participant's token in it. */
async function round(t: TestApp) {
  const services = roundServices(t.app.store, t.app.rounds, DEFAULT_ROUND_LIMITS, () => undefined);
  const opened = await openRound(
    services,
    {
      organisationId: 'org',
      name: 'Runda',
      selection: { kind: 'LINKS', linkIds: ['l-1', 'l-2'] },
      questions: { targetResponds: true, sourceResponds: true, distinctive: true, comment: true },
      mode: 'LIVE',
    },
    null,
  );
  const { token } = await joinRound(services, { code: opened.code, levelKey: 'principal' });
  await t.app.rounds.saveAnswer({
    id: `answer-${opened.id}`,
    roundId: opened.id,
    participantId: (await t.app.rounds.findParticipant(hashToken(token)))!.participant.id,
    linkId: 'l-1',
    targetResponds: true,
    sourceResponds: null,
    distinctive: null,
    comment: 'En kommentar',
    isCommentReleased: false,
    answeredAt: new Date().toISOString(),
  });
  return { id: opened.id, code: opened.code, token, commentId: `answer-${opened.id}` };
}

const KINDS: Array<{ kind: RecordKind; create: string; createVars: (t: TestApp, n: number) => Promise<Vars> }> = [
  { kind: 'unit', create: 'name: "U", kind: TEAM', createVars: async () => ({}) },
  { kind: 'actor', create: 'name: "A", levelKey: "teacher"', createVars: async () => ({}) },
  {
    kind: 'scenario',
    create: 'name: "O", kind: OBSERVATION, observedAt: "2025-02-01"',
    createVars: async () => ({}),
  },
  {
    kind: 'link',
    create: 'scenarioId: "s-current", sourceId: "a-principal", targetId: $ref, kind: DIALOGUE, coupling: LOOSE',
    createVars: async (t, n) => ({ ref: await made(t, 'actor', n) }),
  },
  { kind: 'arena', create: 'scenarioId: "s-current", name: "Ar"', createVars: async () => ({}) },
  { kind: 'perception', create: 'linkId: "l-1", respondent: "r"', createVars: async () => ({}) },
  { kind: 'initiative', create: 'scenarioId: "s-current", name: "I"', createVars: async () => ({}) },
  { kind: 'presentation', create: 'name: "P", steps: [{ title: "Steg" }]', createVars: async () => ({}) },
];

const capital = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);

const RECORD_OPERATIONS: Operation[] = KINDS.flatMap(({ kind, create, createVars }) => [
  {
    name: `create${capital(kind)}`,
    needed: 'EDITOR' as const,
    query: `mutation${create.includes('$ref') ? '($ref: ID!)' : ''} { create${capital(kind)}(input: { organisationId: "org", ${create} }) { ${kind} { id } } }`,
    vars: createVars,
  },
  {
    name: `update${capital(kind)}`,
    needed: 'EDITOR' as const,
    query: `mutation($id: ID!) { update${capital(kind)}(input: { organisationId: "org", id: $id }) { ${kind} { id } } }`,
    vars: async (t: TestApp, n: number) => ({ id: await made(t, kind, n) }),
  },
  {
    name: `delete${capital(kind)}`,
    needed: 'EDITOR' as const,
    query: `mutation($id: ID!) { delete${capital(kind)}(organisationId: "org", id: $id) { deletedId } }`,
    vars: async (t: TestApp, n: number) => ({ id: await made(t, kind, n) }),
  },
]);

const none = () => ({});

const OPERATIONS: Operation[] = [
  { name: 'health', needed: 'ANYONE', query: '{ health { ready } }', vars: none },
  { name: 'me', needed: 'ANYONE', query: '{ me { id } }', vars: none },
  {
    name: 'invitation',
    needed: 'ANYONE',
    query: 'query($token: String!) { invitation(token: $token) { state } }',
    vars: async (t, n) => ({
      token: (
        await invite(t.app.accounts, {
          organisationId: 'org',
          email: `invited-${n}@test.example`,
          role: 'VIEWER',
          invitedBy: 'user-x',
        })
      ).token,
    }),
  },
  { name: 'organisations', needed: 'SIGNED_IN', query: '{ organisations { nodes { id } } }', vars: none },
  { name: 'organisation', needed: 'AUDIENCE', query: '{ organisation(id: "org") { id name } }', vars: none },
  {
    name: 'organisation.actors',
    needed: 'VIEWER',
    query: '{ organisation(id: "org") { actors { nodes { id } } } }',
    vars: none,
  },
  { name: 'map', needed: 'AUDIENCE', query: '{ map(organisationId: "org") { actors { id } } }', vars: none },
  { name: 'actors', needed: 'VIEWER', query: '{ actors(organisationId: "org") { nodes { id } } }', vars: none },
  { name: 'actor', needed: 'VIEWER', query: '{ actor(organisationId: "org", id: "a-chief") { id } }', vars: none },
  {
    name: 'links',
    needed: 'VIEWER',
    query: '{ links(organisationId: "org", scenarioId: "s-current") { nodes { id } } }',
    vars: none,
  },
  { name: 'link', needed: 'VIEWER', query: '{ link(organisationId: "org", id: "l-1") { id } }', vars: none },
  { name: 'exportOrganisation', needed: 'VIEWER', query: '{ exportOrganisation(id: "org") }', vars: none },
  {
    name: 'history',
    needed: 'VIEWER',
    query: '{ history(organisationId: "org") { nodes { id } } }',
    vars: none,
  },
  {
    name: 'presentations',
    needed: 'AUDIENCE',
    query: '{ presentations(organisationId: "org") { id steps { title } } }',
    vars: none,
  },
  {
    name: 'presentation',
    needed: 'AUDIENCE',
    query: 'query($id: ID!) { presentation(organisationId: "org", id: $id) { id } }',
    vars: async (t, n) => ({ id: await made(t, 'presentation', n) }),
  },
  {
    name: 'presentationShow',
    needed: 'AUDIENCE',
    query: 'query($id: ID!) { presentationShow(organisationId: "org", id: $id) { maps { actors { id } } } }',
    vars: async (t, n) => ({ id: await made(t, 'presentation', n) }),
  },
  {
    name: 'sharedPresentation',
    needed: 'ANYONE',
    query: 'query($token: String!) { sharedPresentation(token: $token) { presentation { id } } }',
    vars: async (t, n) => ({ token: (await shareLink(t, await made(t, 'presentation', n))).token }),
  },
  {
    name: 'shareLinks',
    needed: 'EDITOR',
    query: 'query($id: ID!) { shareLinks(organisationId: "org", presentationId: $id) { id } }',
    vars: async (t, n) => ({ id: await made(t, 'presentation', n) }),
  },
  {
    name: 'createShareLink',
    needed: 'EDITOR',
    query: 'mutation($id: ID!) { createShareLink(input: { organisationId: "org", presentationId: $id }) { token } }',
    vars: async (t, n) => ({ id: await made(t, 'presentation', n) }),
  },
  {
    name: 'revokeShareLink',
    needed: 'EDITOR',
    query: 'mutation($id: ID!) { revokeShareLink(organisationId: "org", id: $id) { active } }',
    vars: async (t, n) => ({ id: (await shareLink(t, await made(t, 'presentation', n))).shareLink.id }),
  },
  {
    name: 'setPresenterState',
    needed: 'EDITOR',
    query:
      'mutation($id: ID!) { setPresenterState(input: { organisationId: "org", presentationId: $id, stepIndex: 0, explore: false }) { stepIndex } }',
    vars: async (t, n) => ({ id: await made(t, 'presentation', n) }),
  },
  {
    name: 'rounds',
    needed: 'EDITOR',
    query: '{ rounds(organisationId: "org") { id } }',
    vars: none,
  },
  {
    name: 'round',
    needed: 'EDITOR',
    query: 'query($id: ID!) { round(organisationId: "org", id: $id) { id code } }',
    vars: async (t) => ({ id: (await round(t)).id }),
  },
  {
    name: 'roundResults',
    needed: 'EDITOR',
    query: 'query($id: ID!) { roundResults(organisationId: "org", id: $id) { answerCount comments { text } } }',
    vars: async (t) => ({ id: (await round(t)).id }),
  },
  {
    name: 'openRound',
    needed: 'EDITOR',
    query: `mutation { openRound(input: { organisationId: "org", name: "R", selection: { kind: LINK_KIND, linkKind: STEERING },
      questions: { targetResponds: true, sourceResponds: false, distinctive: false, comment: false }, mode: LIVE }) { code } }`,
    vars: none,
  },
  {
    name: 'closeRound',
    needed: 'EDITOR',
    query: 'mutation($id: ID!) { closeRound(organisationId: "org", id: $id) { observationScenarioId } }',
    vars: async (t) => ({ id: (await round(t)).id }),
  },
  {
    name: 'releaseRoundComment',
    needed: 'EDITOR',
    query:
      'mutation($r: ID!, $c: ID!) { releaseRoundComment(organisationId: "org", roundId: $r, commentId: $c, released: true) { released } }',
    vars: async (t) => {
      const { id, commentId } = await round(t);
      return { r: id, c: commentId };
    },
  },
  // Participants need no account: the code, then the token, is what lets them in.
  {
    name: 'roundInvitation',
    needed: 'ANYONE',
    query: 'query($code: String!) { roundInvitation(code: $code) { name levels { key } } }',
    vars: async (t) => ({ code: (await round(t)).code }),
  },
  {
    name: 'joinRound',
    needed: 'ANYONE',
    query: 'mutation($code: String!) { joinRound(input: { code: $code, levelKey: "teacher" }) { token } }',
    vars: async (t) => ({ code: (await round(t)).code }),
  },
  {
    name: 'participantRound',
    needed: 'ANYONE',
    query: 'query($token: String!) { participantRound(token: $token) { links { id } } }',
    vars: async (t) => ({ token: (await round(t)).token }),
  },
  {
    name: 'answerRound',
    needed: 'ANYONE',
    query:
      'mutation($token: String!) { answerRound(input: { token: $token, linkId: "l-2", targetResponds: false }) { linkId } }',
    vars: async (t) => ({ token: (await round(t)).token }),
  },
  { name: 'members', needed: 'OWNER', query: '{ members(organisationId: "org") { role } }', vars: none },
  { name: 'users', needed: 'ADMIN', query: '{ users { nodes { id } } }', vars: none },
  ...RECORD_OPERATIONS,
  {
    name: 'cloneScenario',
    needed: 'EDITOR',
    query: `mutation($name: String!) { cloneScenario(input: { organisationId: "org", sourceId: "s-current", name: $name, kind: OBSERVATION, observedAt: "2025-03-01" }) { scenario { id } } }`,
    vars: (_t, n) => ({ name: `Klon ${n}` }),
  },
  {
    name: 'updateOrganisation',
    needed: 'EDITOR',
    query: 'mutation { updateOrganisation(input: { id: "org", description: "ändrad" }) { organisation { id } } }',
    vars: none,
  },
  {
    name: 'createOrganisation',
    needed: 'SIGNED_IN',
    query: 'mutation { createOrganisation(input: { name: "Ny", kind: OTHER }) { organisation { id } } }',
    vars: none,
  },
  {
    name: 'defaultLevels',
    needed: 'SIGNED_IN',
    query: '{ defaultLevels(kind: INDEPENDENT) { key } }',
    vars: none,
  },
  {
    name: 'importOrganisation CREATE',
    needed: 'SIGNED_IN',
    query: 'mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }',
    vars: (_t, n) => ({ d: contractDocument(`imported-${n}`) }),
  },
  {
    name: 'importOrganisation REPLACE',
    needed: 'OWNER',
    query: 'mutation($d: JSON!) { importOrganisation(document: $d, mode: REPLACE) { organisation { id } } }',
    vars: () => ({ d: contractDocument('org') }),
  },
  {
    name: 'invite',
    needed: 'OWNER',
    query: 'mutation { invite(organisationId: "org", email: "ny@test.example", role: VIEWER) { token } }',
    vars: none,
  },
  {
    name: 'setMember',
    needed: 'OWNER',
    query: 'mutation { setMember(organisationId: "org", email: "admin@test.example", role: VIEWER) { role } }',
    vars: none,
  },
  {
    name: 'removeMember',
    needed: 'OWNER',
    query: 'mutation { removeMember(organisationId: "org", userId: "user-nobody") }',
    vars: none,
  },
  {
    name: 'createUser',
    needed: 'ADMIN',
    query: 'mutation($e: String!) { createUser(input: { email: $e, password: "long-enough-1" }) { id } }',
    vars: (_t, n) => ({ e: `created-${n}@test.example` }),
  },
  {
    name: 'restorePreview',
    needed: 'ADMIN',
    query: 'query($id: ID!) { restorePreview(organisationId: "org", historyEntryId: $id) { undoneCount } }',
    vars: async (t) => ({ id: String((await t.app.accounts.listHistory('org', { first: 1 })).nodes[0]!.id) }),
  },
  {
    name: 'restoreOrganisation',
    needed: 'ADMIN',
    query: 'mutation($id: ID!) { restoreOrganisation(organisationId: "org", historyEntryId: $id) { id } }',
    vars: async (t) => ({ id: String((await t.app.accounts.listHistory('org', { first: 1 })).nodes[0]!.id) }),
  },
  {
    name: 'deleteOrganisation',
    needed: 'OWNER',
    query: 'mutation { deleteOrganisation(id: "org") { deletedId } }',
    vars: none,
  },
];

/** The plain HTTP routes that read an organisation, × every caller, the same way (by status code). */
const HTTP_ROUTES: Array<{ name: string; needed: Needed; url: string }> = [
  { name: 'meeting report PDF', needed: 'VIEWER', url: '/api/report/org.pdf' },
  { name: 'meeting report PDF with names', needed: 'VIEWER', url: '/api/report/org.pdf?names=true&lang=en' },
];
const HTTP_STATUS = { allowed: 200, UNAUTHENTICATED: 401, FORBIDDEN: 403 } as const;

describeEachStore(stores, 'authorisation: every operation × every caller', (store) => {
  let t: TestApp;
  const clients = new Map<Caller, Awaited<ReturnType<TestApp['as']>>>();
  beforeAll(async () => {
    // One app for the whole table: fresh users and records per attempt keep the attempts apart.
    t = await startTestApp({ store, withFixture: true, isShared: true });
    for (const caller of CALLERS) clients.set(caller, await t.as(caller, 'org'));
  }, 60_000);
  afterAll(() => t.close());

  // Before the operations, whose last row deletes the organisation.
  for (const route of HTTP_ROUTES) {
    it.each(CALLERS)(`${route.name} (needs ${route.needed}) as %s`, async (caller) => {
      const { cookie } = clients.get(caller)! as { cookie?: string };
      const response = await t.app.inject({ method: 'GET', url: route.url, headers: cookie ? { cookie } : {} });
      const want = expected(caller, route.needed);
      expect(response.statusCode, response.body.slice(0, 200)).toBe(HTTP_STATUS[want]);
      if (want === 'allowed') expect(response.headers['content-type']).toBe('application/pdf');
      else expect(response.json()).toMatchObject({ code: want });
    });
  }
  let n = 0;
  // deleteOrganisation is last so the organisation stays for every other row; only its owner-or-admin
  // attempts may delete, so those come last among the callers.
  for (const operation of OPERATIONS) {
    const callers = operation.name === 'deleteOrganisation' ? CALLERS.filter((c) => c !== 'admin') : CALLERS;
    it.each(callers)(`${operation.name} (needs ${operation.needed}) as %s`, async (caller) => {
      n += 1;
      const vars = await operation.vars(t, n);
      const result = await clients.get(caller)!(operation.query, vars);
      const codes = (result.errors ?? []).map((error) => error.extensions.code);
      const want = expected(caller, operation.needed);
      if (want === 'allowed') {
        expect(
          codes.filter((code) => ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED'].includes(code)),
        ).toEqual([]);
        // Reads and writes that are allowed succeed outright here (the table only uses valid input).
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      } else {
        expect(codes).toContain(want);
        expect(result.data === null || Object.values(result.data ?? {}).every((value) => value === null)).toBe(true);
      }
    });
  }
});
