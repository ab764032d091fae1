import type { Coupling, LinkKind } from '@kopplingskartan/schema/interchange';

import { count, makeFinding } from './findings.ts';
import type { Finding, FindingKind } from './findings.ts';
import type { ChainGraph } from './chain-graph.ts';
import { couplingOfStrength, kindIndexOf, kindOfIndex, strengthOf } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';

export type LinkChange = 'ADDED' | 'REMOVED' | 'TIGHTER' | 'LOOSER' | 'UNCHANGED';

export interface LinkDifference {
  change: LinkChange;
  /** The link in the current scenario (null when added). */
  currentLinkId: string | null;
  /** The link in the desired scenario (null when removed). */
  desiredLinkId: string | null;
  sourceId: string;
  targetId: string;
  kind: LinkKind;
  currentCoupling: Coupling | null;
  desiredCoupling: Coupling | null;
}

export interface DistanceTotals {
  added: number;
  removed: number;
  tighter: number;
  looser: number;
  unchanged: number;
  /** added + removed + tighter + looser: links that differ. */
  distance: number;
}

export interface DesiredDistanceResult {
  /** False when there is no desired scenario to compare with (everything else is then empty). */
  hasDesired: boolean;
  /** Every difference except UNCHANGED ones, in current-link order then added links (none with `findingsOnly`). */
  differences: LinkDifference[];
  totals: DistanceTotals;
  findings: Finding[];
}

/**
 * The desired scenario's links as columns, all the distance reads of them (so the worker pool
 * builds no object per link): ends as actor numbers, the current index's numbers and numbers
 * after them (up to `actorCount`) for actors only the desired graph has.
 */
export interface DesiredLinks {
  /** Desired link j's id. */
  idOf: (j: number) => string;
  count: number;
  source: Uint32Array;
  target: Uint32Array;
  actorCount: number;
  /** The ids of the actors numbered from the current index's n on. */
  extraActorIds: readonly string[];
  /** Index into LINK_KINDS, and strength (2 tight, 1 loose, 0 decoupled), of each desired link. */
  kind: Uint8Array;
  strength: Uint8Array;
}

export function numberDesiredLinks(
  index: Pick<GraphIndex, 'n' | 'actorIndex'>,
  links: ChainGraph['links'],
): DesiredLinks {
  const extra = new Map<string, number>();
  const numberOf = (id: string): number => {
    const known = index.actorIndex.get(id);
    if (known !== undefined) return known;
    let value = extra.get(id);
    if (value === undefined) extra.set(id, (value = index.n + extra.size));
    return value;
  };
  const source = new Uint32Array(links.length);
  const target = new Uint32Array(links.length);
  const kind = new Uint8Array(links.length);
  const strength = new Uint8Array(links.length);
  links.forEach((link, j) => {
    source[j] = numberOf(link.sourceId);
    target[j] = numberOf(link.targetId);
    kind[j] = kindIndexOf(link.kind);
    strength[j] = strengthOf(link.coupling);
  });
  return {
    idOf: (j) => links[j]!.id,
    count: links.length,
    source,
    target,
    actorCount: index.n + extra.size,
    extraActorIds: [...extra.keys()],
    kind,
    strength,
  };
}

const EMPTY_TOTALS: DistanceTotals = { added: 0, removed: 0, tighter: 0, looser: 0, unchanged: 0, distance: 0 };

/**
 * Distance to the desired state (DOMAIN.md analysis 7, "link by link").
 *
 * Links of the two scenarios are matched by their ends and kind: first the same source, target
 * and kind; then, for links still unmatched, the reverse direction with the same kind (a link
 * redrawn the other way is the same coupling). Parallel links with equal ends and kind are paired
 * in their order. Unmatched current links are REMOVED, unmatched desired links ADDED; matched
 * links are TIGHTER or LOOSER when the desired coupling is stronger or weaker (tight > loose >
 * decoupled: an order, not a grade), else UNCHANGED. Actors are shared by all scenarios of an
 * organisation, so actor ids compare directly (`numberDesiredLinks` numbers the desired links as
 * the current index's actors). With `findingsOnly` the differences are not listed (a national
 * map has some 66,000). O(m₁ + m₂ · d) for d desired links per source actor.
 */
export function desiredDistance(
  index: GraphIndex,
  desired: DesiredLinks | null,
  findingsOnly = false,
): DesiredDistanceResult {
  if (!desired) return { hasDesired: false, differences: [], totals: { ...EMPTY_TOTALS }, findings: [] };
  const {
    idOf: wantedId,
    count: d,
    source: wantedSource,
    target: wantedTarget,
    actorCount,
    extraActorIds,
    kind: wantedKind,
    strength: wantedStrength,
  } = desired;
  const actorIdOf = (u: number): string => (u < index.n ? index.graph.actors[u]!.id : extraActorIds[u - index.n]!);
  // Desired links bucketed by source actor, by a counting sort that keeps their order. A bucket
  // holds a handful of links, so matching scans it instead of hashing joined string keys.
  const bucketStart = new Uint32Array(actorCount + 1);
  for (let j = 0; j < d; j++) bucketStart[wantedSource[j]! + 1]!++;
  for (let a = 1; a < bucketStart.length; a++) bucketStart[a]! += bucketStart[a - 1]!;
  const fill = bucketStart.slice(0, -1);
  const bucket = new Uint32Array(d);
  for (let j = 0; j < d; j++) bucket[fill[wantedSource[j]!]!++] = j;
  /** The desired link matched to each current link, -1 when none. */
  const matchOf = new Int32Array(index.m).fill(-1);
  const isTaken = new Uint8Array(d);
  const take = (source: number, target: number, kind: number): number => {
    for (let slot = bucketStart[source]!, end = bucketStart[source + 1]!; slot < end; slot++) {
      const j = bucket[slot]!;
      if (!isTaken[j] && wantedTarget[j] === target && wantedKind[j] === kind) {
        isTaken[j] = 1;
        return j;
      }
    }
    return -1;
  };
  for (let e = 0; e < index.m; e++) matchOf[e] = take(index.linkSource[e]!, index.linkTarget[e]!, index.linkKind[e]!);
  for (let e = 0; e < index.m; e++) {
    if (matchOf[e] === -1) matchOf[e] = take(index.linkTarget[e]!, index.linkSource[e]!, index.linkKind[e]!);
  }

  const totals = { ...EMPTY_TOTALS };
  // Each difference as numbers: its change, its current link e and desired link j (-1 for none),
  // its ends as actor numbers (as `wantedSource` numbers them).
  const changes: LinkChange[] = [];
  const currentOf: number[] = [];
  const desiredOf: number[] = [];
  const differenceEnds: number[] = [];
  for (let e = 0; e < index.m; e++) {
    const j = matchOf[e]!;
    let change: LinkChange;
    if (j < 0) change = 'REMOVED';
    else {
      const delta = wantedStrength[j]! - index.linkStrength[e]!;
      change = delta > 0 ? 'TIGHTER' : delta < 0 ? 'LOOSER' : 'UNCHANGED';
    }
    if (change === 'UNCHANGED') {
      totals.unchanged++;
      continue;
    }
    changes.push(change);
    currentOf.push(e);
    desiredOf.push(j);
    differenceEnds.push(index.linkSource[e]!, index.linkTarget[e]!);
  }
  for (let j = 0; j < d; j++) {
    if (isTaken[j]) continue;
    changes.push('ADDED');
    currentOf.push(-1);
    desiredOf.push(j);
    differenceEnds.push(wantedSource[j]!, wantedTarget[j]!);
  }
  for (const change of changes) {
    if (change === 'ADDED') totals.added++;
    else if (change === 'REMOVED') totals.removed++;
    else if (change === 'TIGHTER') totals.tighter++;
    else if (change === 'LOOSER') totals.looser++;
  }
  totals.distance = totals.added + totals.removed + totals.tighter + totals.looser;
  const currentLinkIdOf = (i: number): string | null => (currentOf[i]! >= 0 ? index.linkId(currentOf[i]!) : null);
  const desiredLinkIdOf = (i: number): string | null => (desiredOf[i]! >= 0 ? wantedId(desiredOf[i]!) : null);
  const differences = findingsOnly
    ? []
    : changes.map((change, i): LinkDifference => {
        const e = currentOf[i]!;
        const j = desiredOf[i]!;
        return {
          change,
          currentLinkId: currentLinkIdOf(i),
          desiredLinkId: desiredLinkIdOf(i),
          sourceId: actorIdOf(differenceEnds[2 * i]!),
          targetId: actorIdOf(differenceEnds[2 * i + 1]!),
          kind: kindOfIndex(e >= 0 ? index.linkKind[e]! : wantedKind[j]!),
          currentCoupling: e >= 0 ? couplingOfStrength(index.linkStrength[e]!) : null,
          desiredCoupling: j >= 0 ? couplingOfStrength(wantedStrength[j]!) : null,
        };
      });

  /** Positions of the differences by change. */
  const byChange = new Map<LinkChange, number[]>();
  changes.forEach((change, i) => {
    const list = byChange.get(change);
    if (list) list.push(i);
    else byChange.set(change, [i]);
  });
  // [singular, plural] verb phrases.
  const statements: Array<{ change: LinkChange; kind: FindingKind; sv: [string, string]; en: [string, string] }> = [
    {
      change: 'ADDED',
      kind: 'LINK_ADDED',
      sv: ['finns i önskat läge men inte i nuläget', 'finns i önskat läge men inte i nuläget'],
      en: ['exists in the desired state but not now', 'exist in the desired state but not now'],
    },
    {
      change: 'REMOVED',
      kind: 'LINK_REMOVED',
      sv: ['finns i nuläget men inte i önskat läge', 'finns i nuläget men inte i önskat läge'],
      en: ['exists now but not in the desired state', 'exist now but not in the desired state'],
    },
    {
      change: 'TIGHTER',
      kind: 'COUPLING_TIGHTER',
      sv: ['är tätare kopplad i önskat läge än i nuläget', 'är tätare kopplade i önskat läge än i nuläget'],
      en: [
        'is more tightly coupled in the desired state than now',
        'are more tightly coupled in the desired state than now',
      ],
    },
    {
      change: 'LOOSER',
      kind: 'COUPLING_LOOSER',
      sv: ['är lösare kopplad i önskat läge än i nuläget', 'är lösare kopplade i önskat läge än i nuläget'],
      en: [
        'is more loosely coupled in the desired state than now',
        'are more loosely coupled in the desired state than now',
      ],
    },
  ];
  const findings = statements.flatMap(({ change, kind, sv, en }) => {
    const list = byChange.get(change) ?? [];
    if (list.length === 0) return [];
    // Each actor once, in order of first mention, marked by number rather than hashed by id.
    const isListed = new Uint8Array(actorCount);
    const actorIds: string[] = [];
    const linkIds: string[] = [];
    for (const i of list) {
      const source = differenceEnds[2 * i]!;
      const target = differenceEnds[2 * i + 1]!;
      if (!isListed[source]) actorIds.push(actorIdOf(source));
      isListed[source] = 1;
      if (!isListed[target]) actorIds.push(actorIdOf(target));
      isListed[target] = 1;
      const currentLinkId = currentLinkIdOf(i);
      if (currentLinkId !== null) linkIds.push(currentLinkId);
      const desiredLinkId = desiredLinkIdOf(i);
      if (desiredLinkId !== null) linkIds.push(desiredLinkId);
    }
    return [
      makeFinding({
        analysis: 'desiredDistance',
        kind,
        subject: change,
        actorIds,
        linkIds,
        explanation: {
          sv: `${count(list.length, 'länk', 'länkar')} ${sv[list.length === 1 ? 0 : 1]}.`,
          en: `${count(list.length, 'link', 'links')} ${en[list.length === 1 ? 0 : 1]}.`,
        },
      }),
    ];
  });
  return { hasDesired: true, differences, totals, findings };
}
