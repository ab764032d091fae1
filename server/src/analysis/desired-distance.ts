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

/** The changes a difference may record, in the order of their findings. */
const CHANGES = ['ADDED', 'REMOVED', 'TIGHTER', 'LOOSER'] as const;
const [ADDED, REMOVED, TIGHTER, LOOSER] = [0, 1, 2, 3];

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
  // Each difference as numbers (no list of objects unless the result lists them): its change (an
  // index into CHANGES), its current link e and desired link j (-1 for none).
  const changeOf = new Uint8Array(index.m + d);
  const currentOf = new Int32Array(index.m + d);
  const desiredOf = new Int32Array(index.m + d);
  let size = 0;
  for (let e = 0; e < index.m; e++) {
    const j = matchOf[e]!;
    const delta = j < 0 ? 0 : wantedStrength[j]! - index.linkStrength[e]!;
    if (j >= 0 && delta === 0) {
      totals.unchanged++;
      continue;
    }
    changeOf[size] = j < 0 ? REMOVED : delta > 0 ? TIGHTER : LOOSER;
    currentOf[size] = e;
    desiredOf[size++] = j;
  }
  for (let j = 0; j < d; j++) {
    if (isTaken[j]) continue;
    changeOf[size] = ADDED;
    currentOf[size] = -1;
    desiredOf[size++] = j;
  }
  const counts = new Uint32Array(CHANGES.length);
  for (let i = 0; i < size; i++) counts[changeOf[i]!]!++;
  totals.added = counts[ADDED]!;
  totals.removed = counts[REMOVED]!;
  totals.tighter = counts[TIGHTER]!;
  totals.looser = counts[LOOSER]!;
  totals.distance = size;
  // The ends of difference i as actor numbers (as `wantedSource` numbers them).
  const sourceOf = (i: number): number =>
    currentOf[i]! >= 0 ? index.linkSource[currentOf[i]!]! : wantedSource[desiredOf[i]!]!;
  const targetOf = (i: number): number =>
    currentOf[i]! >= 0 ? index.linkTarget[currentOf[i]!]! : wantedTarget[desiredOf[i]!]!;
  const differences: LinkDifference[] = [];
  if (!findingsOnly) {
    for (let i = 0; i < size; i++) {
      const e = currentOf[i]!;
      const j = desiredOf[i]!;
      differences.push({
        change: CHANGES[changeOf[i]!]!,
        currentLinkId: e >= 0 ? index.linkId(e) : null,
        desiredLinkId: j >= 0 ? wantedId(j) : null,
        sourceId: actorIdOf(sourceOf(i)),
        targetId: actorIdOf(targetOf(i)),
        kind: kindOfIndex(e >= 0 ? index.linkKind[e]! : wantedKind[j]!),
        currentCoupling: e >= 0 ? couplingOfStrength(index.linkStrength[e]!) : null,
        desiredCoupling: j >= 0 ? couplingOfStrength(wantedStrength[j]!) : null,
      });
    }
  }
  // The ids of difference i, from its listed object when there is one (read once from the links,
  // whose objects lie scattered over the heap), else from the links.
  const sourceIdOf = (i: number): string => (findingsOnly ? actorIdOf(sourceOf(i)) : differences[i]!.sourceId);
  const targetIdOf = (i: number): string => (findingsOnly ? actorIdOf(targetOf(i)) : differences[i]!.targetId);
  const currentLinkIdOf = (i: number): string | null => {
    if (!findingsOnly) return differences[i]!.currentLinkId;
    return currentOf[i]! >= 0 ? index.linkId(currentOf[i]!) : null;
  };
  const desiredLinkIdOf = (i: number): string | null => {
    if (!findingsOnly) return differences[i]!.desiredLinkId;
    return desiredOf[i]! >= 0 ? wantedId(desiredOf[i]!) : null;
  };

  // [singular, plural] verb phrases.
  const statements: Array<{
    change: (typeof CHANGES)[number];
    kind: FindingKind;
    sv: [string, string];
    en: [string, string];
  }> = [
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
    const code = CHANGES.indexOf(change);
    const total = counts[code]!;
    if (total === 0) return [];
    // Each actor once, in order of first mention, marked by number rather than hashed by id.
    const isListed = new Uint8Array(actorCount);
    const actorIds: string[] = [];
    const linkIds: string[] = [];
    for (let i = 0; i < size; i++) {
      if (changeOf[i] !== code) continue;
      const source = sourceOf(i);
      const target = targetOf(i);
      if (!isListed[source]) actorIds.push(sourceIdOf(i));
      isListed[source] = 1;
      if (!isListed[target]) actorIds.push(targetIdOf(i));
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
          sv: `${count(total, 'länk', 'länkar')} ${sv[total === 1 ? 0 : 1]}.`,
          en: `${count(total, 'link', 'links')} ${en[total === 1 ? 0 : 1]}.`,
        },
      }),
    ];
  });
  return { hasDesired: true, differences, totals, findings };
}
