/**
 * The whole job through the UI only, from a fresh store, as a facilitator would do it: sign in,
 * start an organisation with its levels, build one school's chain (10 actors, 12 links), invite
 * a member who accepts in another browser, record two perceptions that disagree and an
 * initiative, clone a desired state, run the analyses, build and present three steps. Every click
 * and key is counted (user-input.ts) and printed, with what building the same school cost before
 * (BEFORE); the building's clicks are held under half of that.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN, type Harness, startHarness, waitForMap } from './harness.ts';
import { CountingUser, pointOf } from './user-input.ts';
import { BUILD_ACTORS, BUILD_LINKS } from './whole-job-map.ts';

/**
 * The same school built in the client before this work (commit 86931fa), counted with the same
 * counter by build-cost-before.ts: each actor's level and unit and each link's two ends, kind and
 * coupling chosen in native selects (two clicks each), each record saved with a click. The names
 * (212 keys) are typed in both.
 */
const BEFORE = { clicks: 124, keys: 228 };

// name, level key (null: as the previous actor), unit (undefined: as the previous actor)
const ACTORS: Array<[string, string | null, string | null | undefined]> = [
  ['Barn- och utbildningsnämnden', null, undefined],
  ['Skolchef', 'f', undefined],
  ['Verksamhetschef grundskola', null, undefined],
  ['Rektor Ekskolan', 'r', 'e'],
  ['Biträdande rektor Ekskolan', null, undefined],
  ['Förstelärare Ekskolan', 'l', undefined],
  ['Arbetslag F–3 Ekskolan', null, undefined],
  ['Arbetslag 4–6 Ekskolan', null, undefined],
  ['Elevhälsan Ekskolan', 'e', undefined],
  ['Lärosätet', 's', 'i'],
];
// what to type for the source (null: the same source as before) and the target, then the first
// letter of the kind and of the coupling when not the defaults (steering, loose)
const LINKS: Array<[string | null, string, string | null, string | null]> = [
  ['nä', 'sk', null, 't'],
  ['sk', 've', null, 't'],
  [null, 're', null, 'f'],
  ['ve', 're', 'u', null],
  ['re', 'bi', 'd', 't'],
  [null, 'fö', null, null],
  [null, '3', null, 'f'],
  [null, '4', null, null],
  ['fö', '3', 's', null],
  [null, '4', 's', null],
  ['el', '3', 's', 'f'],
  ['lä', 're', 's', null],
];

let h: Harness;
let page: Page;
let user: CountingUser;

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const p = await context.newPage();
  p.setDefaultTimeout(20_000);
  return p;
}

/** The form that "save and add another" opens, once it has its focus. */
function freshForm(field: string) {
  return page.waitForFunction(
    (name) => {
      const input = document.activeElement as HTMLInputElement | null;
      return input?.name === name && input.value === '';
    },
    field,
    { polling: 50 },
  );
}

const dialog = () => page.getByRole('dialog');
const BUILT_MAP = `query($o: ID!) { map(organisationId: $o) {
  actors { id name levelKey unitId } links { sourceId targetId kind coupling } } }`;
interface BuiltMap {
  map: {
    actors: { id: string; name: string; levelKey: string; unitId: string | null }[];
    links: { sourceId: string; targetId: string; kind: string; coupling: string }[];
  };
}
async function organisationId(): Promise<string> {
  const { organisations } = await h.gql<{ organisations: { nodes: { id: string }[] } }>(
    '{ organisations { nodes { id } } }',
  );
  return organisations.nodes[0]?.id ?? '';
}
const counts: Record<string, { clicks: number; keys: number }> = {};

beforeAll(async () => {
  h = await startHarness({ seed: false });
  page = await newPage(h.browser);
  user = new CountingUser(page);
});
afterAll(async () => {
  const total = user.mark();
  console.log(
    [
      'Clicks and keys of the whole job:',
      ...Object.entries(counts).map(([part, c]) => `  ${part}: ${c.clicks} clicks, ${c.keys} keys`),
      `  total: ${total.clicks} clicks, ${total.keys} keys`,
      `  building one unit, 10 actors and 12 links before: ${BEFORE.clicks} clicks, ${BEFORE.keys} keys`,
    ].join('\n'),
  );
  await h?.close();
});

/** Runs one part of the job and notes what it cost. */
async function part(name: string, run: () => Promise<void>): Promise<void> {
  const mark = user.mark();
  await run();
  counts[name] = user.since(mark);
}

describe('the whole job in the browser', () => {
  it('signs in and starts an organisation with its levels', async () => {
    await part('sign in', async () => {
      await page.goto(`${h.baseUrl}/?e2e&lang=sv`);
      await page.locator('input[name="email"]').waitFor();
      await user.type(ADMIN.email);
      await user.press('Tab');
      await user.type(ADMIN.password);
      await user.press('Enter');
    });
    await part('organisation and levels', async () => {
      await user.click(page.getByRole('button', { name: 'Ny organisation' }));
      await user.type('Ekby kommun');
      await page.locator('input[name="level-politics"]').waitFor();
      await user.fill(dialog().locator('input[name="newLevel"]'), 'Elevhälsa');
      await user.press('Enter');
      await user.click(dialog().locator('li[data-level="elevhalsa"]').getByRole('checkbox'));
      await user.click(dialog().getByRole('button', { name: 'Skapa', exact: true }));
      await waitForMap(page);
    });
    const { organisations } = await h.gql<{
      organisations: { nodes: { levels: { key: string; isSide: boolean }[] }[] };
    }>('{ organisations { nodes { levels { key isSide } } } }');
    expect(organisations.nodes[0]?.levels.map((l) => `${l.key}${l.isSide ? ' (side)' : ''}`)).toEqual([
      'politics',
      'administration',
      'principal',
      'teacher',
      'support (side)',
      'elevhalsa (side)',
    ]);
  });

  it('builds one school: a unit, 10 actors and 12 links', async () => {
    await part('building one unit, 10 actors and 12 links', async () => {
      await user.press('u');
      await dialog().locator('input[name="name"]').waitFor();
      await user.type('Ekskolan');
      await user.press('Enter');
      await dialog().waitFor({ state: 'detached' });

      await user.press('a');
      for (const [i, [name, level, unit]] of ACTORS.entries()) {
        await freshForm('name');
        await user.type(name);
        // The fields: name, level, role, unit. "Save and add another" keeps level and unit.
        if (level) {
          await user.press('Tab');
          await user.type(level);
        }
        if (unit !== undefined) {
          for (let tab = level ? 2 : 3; tab > 0; tab--) await user.press('Tab');
          await user.type(unit ?? '');
        }
        if (i < ACTORS.length - 1) await user.press('Control+Enter');
        else await user.click(dialog().getByRole('button', { name: 'Spara', exact: true }));
      }
      await dialog().waitFor({ state: 'detached' });

      await user.press('n');
      for (const [i, [source, target, kind, coupling]] of LINKS.entries()) {
        if (source) {
          await page.waitForFunction(() => document.activeElement?.getAttribute('name')?.endsWith('Id'), null, {
            polling: 50,
          });
          // A new form's focus is on the source; after "save and add another" on the target.
          if ((await page.evaluate(() => document.activeElement?.getAttribute('name'))) === 'targetId') {
            await user.press('Shift+Tab');
          }
          await user.type(source);
          await user.press('Tab');
        } else {
          await freshForm('targetId');
        }
        await user.type(target);
        // Tab chooses the first match and goes on to the coupling, then the kind.
        await user.press('Tab');
        if (coupling) await user.type(coupling);
        if (kind) {
          await user.press('Tab');
          await user.type(kind);
        }
        if (i < LINKS.length - 1) await user.press('Control+Enter');
        else await user.click(dialog().getByRole('button', { name: 'Spara', exact: true }));
      }
      await dialog().waitFor({ state: 'detached' });
    });
    const { map } = await h.gql<BuiltMap>(BUILT_MAP, { o: await organisationId() });
    const nameOf = (id: string) => map.actors.find((a) => a.id === id)?.name;
    expect(map.actors.map(({ name, levelKey, unitId }) => ({ name, levelKey, isInUnit: unitId !== null }))).toEqual(
      expect.arrayContaining(BUILD_ACTORS),
    );
    expect(map.actors).toHaveLength(BUILD_ACTORS.length);
    const links = map.links.map((l) => ({
      source: nameOf(l.sourceId),
      target: nameOf(l.targetId),
      kind: l.kind,
      coupling: l.coupling,
    }));
    expect(links).toEqual(expect.arrayContaining(BUILD_LINKS));
    expect(links).toHaveLength(BUILD_LINKS.length);
    const cost = counts['building one unit, 10 actors and 12 links']!;
    // Choices are typed now, not clicked: the clicks fall to a handful; the keys are mostly the names.
    expect(cost.clicks).toBeLessThan(BEFORE.clicks / 2);
  });

  it('invites a member, who accepts in another browser and lands in the organisation', async () => {
    let link = '';
    await part('invitation, accepted in another browser', async () => {
      await user.click(page.getByRole('button', { name: 'Hantera ▾' }));
      await user.click(page.getByRole('menuitem', { name: 'Medlemmar' }));
      await user.fill(page.locator('input[name="inviteEmail"]'), 'rektor.norr@ekby.example');
      await user.press('Enter');
      const invitation = page.getByTestId('invitation');
      await user.click(invitation.getByRole('button', { name: 'Kopiera' }));
      link = await invitation.getByRole('textbox', { name: 'Inbjudningslänk' }).inputValue();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

      const invitee = new CountingUser(await newPage(h.browser));
      invitee.clicks += 1; // opening the link where it was sent
      await invitee.page.goto(link.replace('/invite#', '/invite?e2e&lang=sv#'));
      await invitee.page.locator('input[name="password"]').waitFor();
      await invitee.type('rektorns-lösenord-1');
      await invitee.press('Enter');
      await invitee.page.locator('select[name="organisation"]').waitFor();
      expect(await invitee.page.locator('select[name="organisation"]').inputValue()).toBe(await organisationId());
      await invitee.page.context().close();
      user.add(invitee);
      await user.click(page.getByRole('button', { name: '← Tillbaka till kartan' }));
      await waitForMap(page);
    });
    const { members } = await h.gql<{ members: { role: string; user: { email: string } }[] }>(
      'query($o: ID!) { members(organisationId: $o) { role user { email } } }',
      { o: await organisationId() },
    );
    expect(members.map((m) => `${m.user.email}:${m.role}`).sort()).toEqual([
      `${ADMIN.email}:OWNER`,
      'rektor.norr@ekby.example:EDITOR',
    ]);
  });

  it('records two perceptions of a link that disagree, and an initiative', async () => {
    const { map } = await h.gql<BuiltMap>(BUILT_MAP, { o: await organisationId() });
    const idOf = (name: string) => map.actors.find((a) => a.name === name)?.id;
    const linkId = (
      await h.gql<{ map: { links: { id: string; sourceId: string; targetId: string }[] } }>(
        'query($o: ID!) { map(organisationId: $o) { links { id sourceId targetId } } }',
        { o: await organisationId() },
      )
    ).map.links.find(
      (l) => l.sourceId === idOf('Rektor Ekskolan') && l.targetId === idOf('Arbetslag F–3 Ekskolan'),
    )?.id;
    await part('two perceptions and an initiative', async () => {
      await user.clickAt(await pointOf(page, linkId ?? ''));
      await page.getByTestId('link-details').waitFor();
      for (const [respondent, coupling] of [
        ['rektor', 'LOOSE'],
        ['arbetslaget', 'DECOUPLED'],
      ] as const) {
        await user.click(page.getByRole('button', { name: 'Lägg till en uppfattning' }));
        await user.type(respondent);
        await user.choose(dialog().locator('select[name="coupling"]'), coupling);
        await user.click(dialog().getByRole('button', { name: 'Spara', exact: true }));
        await dialog().waitFor({ state: 'detached' });
      }
      await page.waitForFunction((id) => window.__kk?.cy.getElementById(id).hasClass('kk-marked'), linkId ?? '', {
        polling: 100,
      });

      await user.click(page.getByRole('tab', { name: 'Insatser' }));
      await user.click(page.getByRole('button', { name: 'Ny insats' }));
      await user.type('Läslyftet');
      await user.fill(dialog().locator('input[name="targetUnitIds"]'), 'ek');
      await user.press('Enter');
      await user.click(dialog().getByRole('checkbox', { name: 'Innehåll' }));
      await user.click(dialog().getByRole('button', { name: 'Spara', exact: true }));
      await dialog().waitFor({ state: 'detached' });
    });
    const stored = await h.gql<{
      map: { disagreeingLinkIds: string[]; initiatives: { name: string; targetUnitIds: string[] }[] };
    }>('query($o: ID!) { map(organisationId: $o) { disagreeingLinkIds initiatives { name targetUnitIds } } }', {
      o: await organisationId(),
    });
    expect(stored.map.disagreeingLinkIds).toEqual([linkId]);
    expect(stored.map.initiatives).toMatchObject([{ name: 'Läslyftet' }]);
    expect(stored.map.initiatives[0]?.targetUnitIds).toHaveLength(1);
  });

  it('clones a desired state and runs the analyses', async () => {
    await part('desired state and analyses', async () => {
      await user.click(page.getByRole('tab', { name: 'Scenarier' }));
      await user.click(page.getByRole('button', { name: 'Skapa och visa' }));
      const banner = page.getByTestId('scenario-banner');
      await banner.getByText('Visar Önskat läge, inte nuläget.', { exact: false }).waitFor();
      await user.click(banner.getByRole('button', { name: 'Visa nuläget' }));
      await banner.getByText('Visat scenario: Nuläge').waitFor();
      await user.click(page.getByRole('tab', { name: 'Analys' }));
      await user.click(page.getByRole('button', { name: 'Kör analys' }));
      await page.locator('[data-testid="findings"] li button').first().waitFor();
    });
    const { organisation } = await h.gql<{ organisation: { scenarios: { kind: string }[] } }>(
      'query($o: ID!) { organisation(id: $o) { scenarios { kind } } }',
      { o: await organisationId() },
    );
    expect(organisation.scenarios.map((s) => s.kind).sort()).toEqual(['CURRENT', 'DESIRED']);
  });

  it('builds a presentation of three steps and presents it', async () => {
    const stepCount = (n: number) =>
      page.waitForFunction((want) => document.querySelectorAll('[data-testid="step-list"] > li').length === want, n, {
        polling: 100,
      });
    await part('presentation of three steps, presented', async () => {
      await user.click(page.getByRole('tab', { name: 'Presentationer' }));
      await user.fill(page.locator('input[name="presentationName"]'), 'Dialogmöte');
      await user.press('Enter');
      await page.getByTestId('presentation-editor').waitFor();
      await user.fill(page.locator('form.add-step input[name="stepTitle"]'), 'Hela kedjan');
      await user.press('Enter');
      await stepCount(1);

      await user.click(page.getByRole('tab', { name: 'Analys' }));
      await user.click(page.locator('[data-testid="findings"] li button').first());
      await user.click(page.getByRole('tab', { name: 'Presentationer' }));
      await user.fill(page.locator('form.add-step input[name="stepTitle"]'), 'Ett fynd');
      await user.press('Enter');
      await stepCount(2);

      await user.press('Escape');
      const { map } = await h.gql<BuiltMap>(BUILT_MAP, { o: await organisationId() });
      await user.clickAt(await pointOf(page, map.actors.find((a) => a.name === 'Rektor Ekskolan')?.id ?? ''));
      await user.click(page.getByRole('tab', { name: 'Presentationer' }));
      await user.fill(page.locator('form.add-step input[name="stepTitle"]'), 'Rektorn');
      await user.press('Enter');
      await stepCount(3);

      await user.click(page.locator('button[data-action="present"]'));
      await page.waitForURL(/\/present\//);
      await waitForMap(page);
      for (const step of ['2 / 3', '3 / 3']) {
        await user.press('ArrowRight');
        await page.waitForFunction(
          (want) => document.querySelector('[data-testid="step-counter"]')?.textContent === want,
          step,
          { polling: 100 },
        );
      }
    });
    const { presentations } = await h.gql<{ presentations: { name: string; steps: { title: string }[] }[] }>(
      'query($o: ID!) { presentations(organisationId: $o) { name steps { title } } }',
      { o: await organisationId() },
    );
    expect(presentations).toEqual([
      { name: 'Dialogmöte', steps: [{ title: 'Hela kedjan' }, { title: 'Ett fynd' }, { title: 'Rektorn' }] },
    ]);
  });
});
