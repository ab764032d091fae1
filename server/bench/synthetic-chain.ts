/**
 * Synthetic chains of control for the benchmark and the cross-check: invented roles only, shaped
 * like a municipal school authority (politics → administration → principals → teachers, support
 * actors beside the chain) and repeated to region and nation scale. Deterministic per seed.
 */
import type { Coupling, LinkKind } from '@kopplingskartan/schema/interchange';

import type { ChainGraph, ChainLink } from '../src/analysis/chain-graph.ts';
import { mulberry32 } from '../src/analysis/random.ts';
import { DEFAULT_LEVELS } from '../src/domain/records.ts';

export interface SyntheticChainOptions {
  /** School authorities in the map (1 ≈ 2,000 actors). Default 1. */
  authorities?: number;
  /** Schools per authority. Default 40. */
  schools?: number;
  /** Teachers per school. Default 46. */
  teachers?: number;
  /** Share of decoupled links. Default 0.2 (the rest is 45 % loose, 35 % tight). */
  decoupledShare?: number;
  seed?: number;
}

export interface SyntheticChain {
  current: ChainGraph;
  /** The same map with ~10 % of couplings changed, ~3 % of links removed and ~3 % added. */
  desired: ChainGraph;
}

/** The seeded generator the analyses sample with; io.bench.ts draws its rows from it too. */
export { mulberry32 as makeRandom } from '../src/analysis/random.ts';

type Actor = ChainGraph['actors'][number];

export function syntheticChain(options: SyntheticChainOptions = {}): SyntheticChain {
  const { authorities = 1, schools = 40, teachers = 46, decoupledShare = 0.2, seed = 7 } = options;
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const actors: Actor[] = [];
  const units: Array<ChainGraph['units'][number]> = [];
  const links: ChainLink[] = [];
  const arenas: Array<ChainGraph['arenas'][number]> = [];
  const perceptions: Array<ChainGraph['perceptions'][number]> = [];
  const initiatives: Array<ChainGraph['initiatives'][number]> = [];
  const couplingOf = (): Coupling => {
    const r = random();
    return r < decoupledShare ? 'DECOUPLED' : r < decoupledShare + (1 - decoupledShare) * 0.5625 ? 'LOOSE' : 'TIGHT';
  };
  const link = (source: Actor, target: Actor, kind: LinkKind): void => {
    const coupling = couplingOf();
    let targetResponds: boolean | null = null;
    let sourceResponds: boolean | null = null;
    if (random() < 0.3) {
      if (coupling === 'DECOUPLED') {
        targetResponds = false;
        sourceResponds = false;
      } else {
        const r = random();
        targetResponds = r < 0.85;
        sourceResponds = r < 0.7 || r >= 0.85;
      }
    }
    links.push({
      id: `l${links.length}`,
      sourceId: source.id,
      targetId: target.id,
      kind,
      coupling,
      targetResponds,
      sourceResponds,
      arenaId: null,
    });
  };
  const actor = (id: string, name: string, levelKey: string, unitId: string | null = null): Actor => {
    const created = { id, name, levelKey, unitId };
    actors.push(created);
    return created;
  };

  const national = [
    actor('nat-agency', 'Skolmyndighet', 'support'),
    actor('nat-uni-1', 'Lärosäte 1', 'support'),
    actor('nat-uni-2', 'Lärosäte 2', 'support'),
  ];
  for (let a = 0; a < authorities; a++) {
    const p = `a${a}`;
    const council = actor(`${p}-council`, `Kommunfullmäktige ${a}`, 'politics');
    const committee = actor(`${p}-committee`, `Utbildningsnämnd ${a}`, 'politics');
    const chair = actor(`${p}-chair`, `Nämndens ordförande ${a}`, 'politics');
    const members = [
      actor(`${p}-pol-1`, `Ledamot 1 (${a})`, 'politics'),
      actor(`${p}-pol-2`, `Ledamot 2 (${a})`, 'politics'),
    ];
    link(council, committee, 'STEERING');
    link(committee, chair, 'DIALOGUE');
    for (const member of members) link(committee, member, 'DIALOGUE');
    const superintendent = actor(`${p}-super`, `Skolchef ${a}`, 'administration');
    link(committee, superintendent, 'STEERING');
    link(chair, superintendent, 'DIALOGUE');
    link(superintendent, committee, 'FOLLOW_UP');
    const areaManagers = Array.from({ length: 4 }, (_, i) =>
      actor(`${p}-area-${i}`, `Verksamhetschef ${i} (${a})`, 'administration'),
    );
    const staff = Array.from({ length: 15 }, (_, i) =>
      actor(`${p}-adm-${i}`, `Förvaltning ${i} (${a})`, 'administration'),
    );
    const devLead = staff[0]!;
    for (const admin of [...areaManagers, ...staff]) link(superintendent, admin, 'STEERING');
    for (let i = 0; i < 10; i++) link(pick(staff), pick(areaManagers), 'DIALOGUE');
    const areaUnits = areaManagers.map((_, i) => {
      const unit = { id: `${p}-area-unit-${i}`, name: `Område ${i} (${a})`, parentId: null };
      units.push(unit);
      return unit;
    });
    const support = Array.from({ length: 12 }, (_, i) => actor(`${p}-sup-${i}`, `Stöd ${i} (${a})`, 'support'));
    const principals: Actor[] = [];
    const allTeachers: Actor[] = [];
    for (let s = 0; s < schools; s++) {
      const area = s % areaManagers.length;
      const unit = { id: `${p}-school-${s}`, name: `Skola ${s} (${a})`, parentId: areaUnits[area]!.id };
      units.push(unit);
      const principal = actor(`${p}-s${s}-principal`, `Rektor skola ${s} (${a})`, 'principal', unit.id);
      const deputy = actor(`${p}-s${s}-deputy`, `Biträdande rektor skola ${s} (${a})`, 'principal', unit.id);
      principals.push(principal);
      link(areaManagers[area]!, principal, 'STEERING');
      link(principal, areaManagers[area]!, 'FOLLOW_UP');
      if (random() < 0.5) link(devLead, principal, 'DIALOGUE');
      link(principal, deputy, 'STEERING');
      const team: Actor[] = [];
      for (let t = 0; t < teachers; t++) {
        const teacher = actor(`${p}-s${s}-t${t}`, `Lärare ${t} skola ${s} (${a})`, 'teacher', unit.id);
        allTeachers.push(teacher);
        link(random() < 0.7 ? principal : deputy, teacher, 'STEERING');
        if (random() < 0.5) link(teacher, principal, 'INTERPRETATION');
        if (random() < 0.5) link(deputy, teacher, 'FOLLOW_UP');
        if (t % 6 !== 0) link(team[team.length - 1]!, teacher, 'DIALOGUE');
        if (team.length > 0 && random() < 0.9) link(teacher, pick(team), 'INFORMAL');
        team.push(teacher);
      }
      arenas.push({
        id: `${p}-s${s}-forum`,
        name: `Lärforum skola ${s} (${a})`,
        participantIds: [principal.id, deputy.id, ...team.slice(0, 10).map((t) => t.id)],
      });
    }
    // Level skipping: the superintendent and staff straight to teachers.
    for (let i = 0; i < 10; i++) link(pick([superintendent, devLead]), pick(allTeachers), 'STEERING');
    for (const helper of support) {
      for (let i = 0; i < 8; i++) link(helper, random() < 0.4 ? pick(principals) : pick(allTeachers), 'SUPPORT');
    }
    for (const helper of national) link(helper, pick(principals), 'SUPPORT');
    link(pick(national), superintendent, 'SUPPORT');
    arenas.push({
      id: `${p}-mgmt`,
      name: `Ledningsgrupp ${a}`,
      participantIds: [superintendent.id, ...areaManagers.map((m) => m.id), ...principals.slice(0, 8).map((r) => r.id)],
    });
    arenas.push({
      id: `${p}-quality`,
      name: `Kvalitetsdialog ${a}`,
      participantIds: [chair.id, committee.id, superintendent.id],
    });
    for (let i = 0; i < 10; i++) {
      initiatives.push({
        id: `${p}-init-${i}`,
        name: `Insats ${i} (${a})`,
        ownerId: pick(support).id,
        targetActorIds: [pick(allTeachers).id, pick(principals).id],
        targetUnitIds: [pick(units).id],
        evidenceCount: i % 3 === 0 ? 1 : 0,
      });
    }
  }
  for (const l of links) {
    if (random() < 0.02) {
      for (const respondent of ['source', 'target']) {
        perceptions.push({
          id: `p${perceptions.length}`,
          linkId: l.id,
          respondent: `${respondent} end`,
          respondentActorId: respondent === 'source' ? l.sourceId : l.targetId,
          coupling: couplingOf(),
          targetResponds: null,
          sourceResponds: null,
          distinctive: null,
        });
      }
    }
  }
  const current: ChainGraph = { levels: DEFAULT_LEVELS, units, actors, links, arenas, perceptions, initiatives };

  const desiredLinks: ChainLink[] = [];
  for (const l of links) {
    const r = random();
    if (r < 0.03) continue;
    desiredLinks.push(r < 0.13 ? { ...l, id: `d${l.id}`, coupling: couplingOf() } : { ...l, id: `d${l.id}` });
  }
  const added = Math.floor(links.length * 0.03);
  for (let i = 0; i < added; i++) {
    const source = pick(actors);
    const target = pick(actors);
    if (source !== target) {
      desiredLinks.push({
        id: `dn${i}`,
        sourceId: source.id,
        targetId: target.id,
        kind: 'DIALOGUE',
        coupling: couplingOf(),
        targetResponds: null,
        sourceResponds: null,
        arenaId: null,
      });
    }
  }
  const desired: ChainGraph = { ...current, links: desiredLinks, perceptions: [] };
  return { current, desired };
}

/**
 * The chain as an interchange document (current and, unless left out, desired scenario), to import into a store:
 * self-links and repeated links of one kind between the same actors, which the store refuses,
 * are left out (with the perceptions of dropped links).
 */
export function syntheticDocument(
  chain: SyntheticChain,
  organisationId: string,
  { withDesired = true }: { withDesired?: boolean } = {},
): Record<string, unknown> {
  const { current, desired } = chain;
  const storable = (links: readonly ChainLink[]): ChainLink[] => {
    const seen = new Set<string>();
    return links.filter((link) => {
      const key = `${link.sourceId}\u0000${link.targetId}\u0000${link.kind}`;
      if (link.sourceId === link.targetId || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const links = storable(current.links);
  const kept = new Set(links.map((link) => link.id));
  return {
    format: 'kopplingskartan',
    version: 1,
    organisation: {
      id: organisationId,
      name: `Syntetisk huvudman ${organisationId}`,
      kind: 'MUNICIPAL',
      levels: current.levels,
    },
    units: current.units.map((unit) => ({ ...unit, kind: unit.parentId ? 'SCHOOL' : 'AREA' })),
    actors: current.actors,
    scenarios: [
      {
        id: 'current',
        name: 'Nuläge',
        kind: 'CURRENT',
        links,
        arenas: current.arenas,
        perceptions: current.perceptions.filter((perception) => kept.has(perception.linkId)),
        initiatives: current.initiatives,
      },
      ...(withDesired ? [{ id: 'desired', name: 'Önskat läge', kind: 'DESIRED', links: storable(desired.links) }] : []),
    ],
  };
}
