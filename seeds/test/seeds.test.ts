import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

import {
  type InterchangeDocument,
  type LinkData,
  parseInterchangeDocument,
  type ScenarioDocument,
} from '@kopplingskartan/schema/interchange';
import { describe, expect, it } from 'vitest';

const ORGANISATIONS_DIR = fileURLToPath(new URL('../organisations/', import.meta.url));
const files = readdirSync(ORGANISATIONS_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();

function load(name: string): InterchangeDocument {
  const result = parseInterchangeDocument(JSON.parse(readFileSync(join(ORGANISATIONS_DIR, name), 'utf8')));
  if (!result.ok) throw new Error(`${name}: ${result.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return result.document;
}

function scenario(doc: InterchangeDocument, kind: ScenarioDocument['kind']): ScenarioDocument {
  const found = doc.scenarios.find((s) => s.kind === kind);
  if (!found) throw new Error(`${doc.organisation.id} has no ${kind} scenario`);
  return found;
}

/** Links of a scenario between actors on the two given levels (either direction). */
function linksBetween(doc: InterchangeDocument, scn: ScenarioDocument, a: string, b: string): LinkData[] {
  const level = new Map(doc.actors.map((actor) => [actor.id, actor.levelKey]));
  return scn.links.filter((link) => {
    const s = level.get(link.sourceId);
    const t = level.get(link.targetId);
    return (s === a && t === b) || (s === b && t === a);
  });
}

/** Links with two or more perceptions that do not agree on the coupling. */
function disagreements(scn: ScenarioDocument): string[] {
  const byLink = new Map<string, Set<string>>();
  for (const p of scn.perceptions) {
    if (!p.coupling) continue;
    byLink.set(p.linkId, (byLink.get(p.linkId) ?? new Set()).add(p.coupling));
  }
  return [...byLink].filter(([, couplings]) => couplings.size > 1).map(([linkId]) => linkId);
}

/** The coupling the ratings imply (same rule as the server), or null when a rating is missing. */
function derived(r: { targetResponds: boolean | null; sourceResponds: boolean | null; distinctive: boolean | null }) {
  if (r.targetResponds === null || r.sourceResponds === null || r.distinctive === null) return null;
  if (!r.targetResponds && !r.sourceResponds) return 'DECOUPLED';
  return r.distinctive ? 'LOOSE' : 'TIGHT';
}

describe('seed organisations', () => {
  it('includes the two sample organisations', () => {
    expect(files).toEqual(expect.arrayContaining(['kommunby.json', 'skolgruppen.json']));
  });

  describe.each(files)('%s', (name) => {
    const doc = load(name);

    it('parses as an interchange document named after its file', () => {
      expect(doc.organisation.id).toBe(name.replace(/\.json$/, ''));
    });

    it('has exactly one CURRENT and one DESIRED scenario, observations dated', () => {
      expect(doc.scenarios.filter((s) => s.kind === 'CURRENT')).toHaveLength(1);
      expect(doc.scenarios.filter((s) => s.kind === 'DESIRED')).toHaveLength(1);
      for (const s of doc.scenarios.filter((x) => x.kind === 'OBSERVATION')) expect(s.observedAt).not.toBeNull();
      expect(scenario(doc, 'DESIRED').basedOnId).toBe(scenario(doc, 'CURRENT').id);
    });

    it('refers only to records that exist (levels, units, actors, same-scenario arenas and links)', () => {
      const levelKeys = new Set(doc.organisation.levels.map((l) => l.key));
      const unitIds = new Set(doc.units.map((u) => u.id));
      const actorIds = new Set(doc.actors.map((a) => a.id));
      expect(actorIds.size).toBe(doc.actors.length);
      expect(unitIds.size).toBe(doc.units.length);
      for (const a of doc.actors) {
        expect(levelKeys, a.id).toContain(a.levelKey);
        if (a.unitId) expect(unitIds, a.id).toContain(a.unitId);
      }
      for (const u of doc.units) if (u.parentId) expect(unitIds, u.id).toContain(u.parentId);
      const seen = {
        link: new Set<string>(),
        arena: new Set<string>(),
        perception: new Set<string>(),
        initiative: new Set<string>(),
      };
      for (const s of doc.scenarios) {
        const arenaIds = new Set(s.arenas.map((a) => a.id));
        const linkIds = new Set(s.links.map((l) => l.id));
        const parallel = new Set<string>();
        for (const l of s.links) {
          expect(actorIds, l.id).toContain(l.sourceId);
          expect(actorIds, l.id).toContain(l.targetId);
          expect(l.sourceId, l.id).not.toBe(l.targetId);
          if (l.arenaId) expect(arenaIds, l.id).toContain(l.arenaId);
          const key = `${l.sourceId}|${l.targetId}|${l.kind}`;
          expect(parallel.has(key), `${l.id} duplicates ${key}`).toBe(false);
          parallel.add(key);
          const d = derived(l);
          if (d) expect(l.coupling, l.id).toBe(d);
        }
        for (const a of s.arenas) for (const id of a.participantIds) expect(actorIds, a.id).toContain(id);
        for (const p of s.perceptions) {
          expect(linkIds, p.id).toContain(p.linkId);
          if (p.respondentActorId) expect(actorIds, p.id).toContain(p.respondentActorId);
          const d = derived(p);
          if (d && p.coupling) expect(p.coupling, p.id).toBe(d);
        }
        for (const i of s.initiatives) {
          if (i.ownerId) expect(actorIds, i.id).toContain(i.ownerId);
          for (const id of i.targetActorIds) expect(actorIds, i.id).toContain(id);
          for (const id of i.targetUnitIds) expect(unitIds, i.id).toContain(id);
        }
        for (const [kind, records] of [
          ['link', s.links],
          ['arena', s.arenas],
          ['perception', s.perceptions],
          ['initiative', s.initiatives],
        ] as const) {
          for (const r of records) {
            expect(seen[kind].has(r.id), `${kind} id ${r.id} used twice`).toBe(false);
            seen[kind].add(r.id);
          }
        }
      }
    });

    it('has perceptions that disagree about one link in its current scenario', () => {
      expect(disagreements(scenario(doc, 'CURRENT')).length).toBeGreaterThan(0);
    });

    it('uses every link kind and coupling in its current scenario', () => {
      const current = scenario(doc, 'CURRENT');
      expect(new Set(current.links.map((l) => l.kind)).size).toBe(6);
      expect(new Set(current.links.map((l) => l.coupling)).size).toBe(3);
      expect(current.links.some((l) => l.confidential)).toBe(true);
      expect(current.arenas.length).toBeGreaterThan(0);
      expect(current.initiatives.length).toBeGreaterThan(0);
    });

    it('differs from its desired scenario', () => {
      const key = (l: LinkData) => `${l.sourceId}|${l.targetId}|${l.kind}|${l.coupling}`;
      const current = new Set(scenario(doc, 'CURRENT').links.map(key));
      const desired = new Set(scenario(doc, 'DESIRED').links.map(key));
      expect([...desired].filter((k) => !current.has(k)).length).toBeGreaterThan(0);
      expect([...current].filter((k) => !desired.has(k)).length).toBeGreaterThan(0);
    });
  });
});

describe('kommunby', () => {
  const doc = load('kommunby.json');
  const current = scenario(doc, 'CURRENT');

  it('is a municipality with 80+ actors, 8+ schools and three observations, each based on the one before', () => {
    expect(doc.organisation.kind).toBe('MUNICIPAL');
    expect(doc.actors.length).toBeGreaterThanOrEqual(80);
    expect(doc.units.filter((u) => u.kind === 'SCHOOL').length).toBeGreaterThanOrEqual(8);
    const observations = doc.scenarios.filter((s) => s.kind === 'OBSERVATION');
    expect(observations.map((s) => [s.observedAt, s.basedOnId])).toEqual([
      ['2025-11-12', 'scn-kommunby-nulage'],
      ['2026-03-18', 'scn-kommunby-uppfoljning-ht25'],
      ['2026-11-10', 'scn-kommunby-uppfoljning-vt26'],
    ]);
  });

  it('moves between observations as seeds/README.md tells: Hagtorn reconnects, then the Stensjö SO/språk team decouples', () => {
    const links = (id: string) => new Map(doc.scenarios.find((s) => s.id === id)!.links.map((l) => [l.id, l.coupling]));
    const [ht25, vt26, ht26] = ['ht25', 'vt26', 'ht26'].map((tag) => links(`scn-kommunby-uppfoljning-${tag}`));
    expect(ht25!.get('lnk-obs-vc-syd--rek-hagtorn-di')).toBe('DECOUPLED');
    expect(vt26!.get('lnk-vt26-vc-syd--rek-hagtorn-di')).toBe('LOOSE');
    expect(ht25!.get('lnk-obs-bun--skolchef-st')).toBe('TIGHT');
    expect(vt26!.get('lnk-vt26-bun--skolchef-st')).toBe('LOOSE');
    expect(vt26!.get('lnk-vt26-vc-vast--rek-sjovik-st')).toBe('DECOUPLED');
    expect(ht26!.get('lnk-ht26-vc-vast--rek-sjovik-st')).toBe('LOOSE');
    expect(vt26!.get('lnk-vt26-rek-stensjo--lag-stensjo-sosprak-di')).toBe('LOOSE');
    expect(ht26!.get('lnk-ht26-rek-stensjo--lag-stensjo-sosprak-di')).toBe('DECOUPLED');
    expect(vt26!.has('lnk-vt26-skolchef--fl-kvarnback-1-di')).toBe(true);
    expect(ht26!.has('lnk-ht26-skolchef--fl-kvarnback-1-di')).toBe(false);
    // Every other link carries over unchanged.
    const rest = (map: Map<string, string>, tag: string) =>
      [...map]
        .filter(([id]) => !/hagtorn-di|bun--skolchef-st|rek-sjovik-st|sosprak-di|fl-kvarnback-1-di/.test(id))
        .map(([id, c]) => [id.replace(`lnk-${tag}-`, ''), c]);
    expect(rest(vt26!, 'vt26')).toEqual(rest(ht25!, 'obs'));
    expect(rest(ht26!, 'ht26')).toEqual(rest(vt26!, 'vt26'));
  });

  it('makes Mossängsskolan an isolated island: responsive inside, only decoupled links outward', () => {
    const inside = new Set(doc.actors.filter((a) => a.unitId?.startsWith('unit-mossang')).map((a) => a.id));
    expect(inside.size).toBeGreaterThanOrEqual(4);
    const outward = current.links.filter((l) => inside.has(l.sourceId) !== inside.has(l.targetId));
    const within = current.links.filter((l) => inside.has(l.sourceId) && inside.has(l.targetId));
    expect(outward.length).toBeGreaterThan(0);
    expect(outward.every((l) => l.coupling === 'DECOUPLED')).toBe(true);
    expect(within.every((l) => l.coupling !== 'DECOUPLED')).toBe(true);
  });

  it('has the superintendent skipping levels straight to lead teachers', () => {
    const teachers = new Set(doc.actors.filter((a) => a.levelKey === 'teacher').map((a) => a.id));
    expect(
      current.links.filter((l) => l.sourceId === 'act-skolchef' && teachers.has(l.targetId)).length,
    ).toBeGreaterThan(0);
  });

  it('has one-way responsiveness both ways', () => {
    expect(current.links.some((l) => l.targetResponds === true && l.sourceResponds === false)).toBe(true);
    expect(current.links.some((l) => l.targetResponds === false && l.sourceResponds === true)).toBe(true);
  });

  it('congests Kvarnbäcksskolan with more initiatives than any other school', () => {
    const schools = doc.units.filter((u) => u.kind === 'SCHOOL').map((u) => u.id);
    const count = (unitId: string) => current.initiatives.filter((i) => i.targetUnitIds.includes(unitId)).length;
    const max = Math.max(...schools.filter((id) => id !== 'unit-kvarnback').map(count));
    expect(count('unit-kvarnback')).toBeGreaterThan(max);
  });

  it('has partnership stages on some of the university support links', () => {
    const stages = current.links
      .filter((l) => l.sourceId === 'act-larosate' && l.kind === 'SUPPORT')
      .map((l) => l.partnershipStage);
    expect(stages.filter((s) => s !== null).length).toBeGreaterThanOrEqual(3);
  });
});

describe('skolgruppen', () => {
  const doc = load('skolgruppen.json');

  it('is an independent group of 30-60 actors with schools in 3+ places', () => {
    expect(doc.organisation.kind).toBe('INDEPENDENT');
    expect(doc.actors.length).toBeGreaterThanOrEqual(30);
    expect(doc.actors.length).toBeLessThanOrEqual(60);
    const places = new Set(
      doc.units
        .filter((u) => u.kind === 'SCHOOL')
        .map((u) => u.place)
        .filter(Boolean),
    );
    expect(places.size).toBeGreaterThanOrEqual(3);
  });

  it('has a level gap between region and principal now, partly closed in the desired state', () => {
    const now = linksBetween(doc, scenario(doc, 'CURRENT'), 'region', 'principal');
    const wanted = linksBetween(doc, scenario(doc, 'DESIRED'), 'region', 'principal');
    expect(now.length).toBeGreaterThan(0);
    expect(now.every((l) => l.coupling === 'DECOUPLED')).toBe(true);
    expect(wanted.some((l) => l.coupling === 'LOOSE')).toBe(true);
  });
});
