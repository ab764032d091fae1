import { kindOfIndex } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';

/** The nine analyses of DOMAIN.md ("What people look for"), in that order, and initiative reach. */
export const ANALYSIS_IDS = [
  'levelMatrix',
  'brokenChains',
  'islands',
  'keyActors',
  'levelSkipping',
  'asymmetry',
  'desiredDistance',
  'initiativeCongestion',
  'sharedArenas',
  'initiativeReach',
] as const;
export type AnalysisId = (typeof ANALYSIS_IDS)[number];

/** What a finding states; one word per kind of statement, for the client's icons and filters. */
export type FindingKind =
  | 'LEVEL_GAP'
  | 'TOP_LEVEL_EMPTY'
  | 'NO_CHAIN_ACTORS'
  | 'CUT_OFF'
  | 'UNIT_CUT_OFF'
  | 'WEAKEST_LINK'
  | 'ISLAND'
  | 'ARTICULATION_POINT'
  | 'BETWEENNESS'
  | 'LEVEL_SKIP'
  | 'ONE_WAY'
  | 'PERCEPTIONS_DISAGREE'
  | 'LINK_ADDED'
  | 'LINK_REMOVED'
  | 'COUPLING_TIGHTER'
  | 'COUPLING_LOOSER'
  | 'ACTOR_CONGESTION'
  | 'UNIT_CONGESTION'
  | 'LEVELS_NEVER_MEET'
  | 'INITIATIVE_REACH'
  | 'TARGETS_NOT_REACHED'
  | 'INITIATIVE_WITHOUT_OWNER'
  | 'INITIATIVE_WITHOUT_TRACE'
  | 'INITIATIVES_NOT_SEARCHED'
  | 'CLASSROOM_NOT_REACHED';

/** The same statement in Swedish and English (the client picks one; no grades in either). */
export interface Explanation {
  sv: string;
  en: string;
}

/**
 * One neutral statement about the map, with everything the client needs to highlight it.
 * What is desirable is never implied: that comes from the desired scenario.
 */
export interface Finding {
  /** Stable within one run: `<analysis>:<kind>:<subject>`. */
  id: string;
  analysis: AnalysisId;
  kind: FindingKind;
  actorIds: string[];
  linkIds: string[];
  unitIds: string[];
  levelKeys: string[];
  explanation: Explanation;
}

/**
 * A template literal's text as one flat string. V8 joins a template's parts pair by pair into a
 * tree of cons strings (32 bytes a node), flattened only when the text is read whole (JSON, the
 * worker pool's `v8.serialize`): for a text of seven parts the tree took twice the bytes of the
 * text (measured, Node 20), and a national map states tens of thousands of findings, each kept,
 * and so copied, until the report is sent. `join` writes the text once. For texts written per
 * link or per finding; a handful of texts is written as plain templates.
 */
export function flat(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  const parts: Array<string | number> = [strings[0]!];
  for (let i = 0; i < values.length; i++) parts.push(values[i]!, strings[i + 1]!);
  return parts.join('');
}

export function makeFinding(
  fields: Pick<Finding, 'analysis' | 'kind' | 'explanation'> & { subject: string } & Partial<
      Pick<Finding, 'actorIds' | 'linkIds' | 'unitIds' | 'levelKeys'>
    >,
): Finding {
  return {
    id: flat`${fields.analysis}:${fields.kind}:${fields.subject}`,
    analysis: fields.analysis,
    kind: fields.kind,
    actorIds: fields.actorIds ?? [],
    linkIds: fields.linkIds ?? [],
    unitIds: fields.unitIds ?? [],
    levelKeys: fields.levelKeys ?? [],
    explanation: fields.explanation,
  };
}

/** A level's display name (as the organisation spells it), or its key when unknown. */
export function levelName(index: GraphIndex, levelKey: string): string {
  return index.graph.levels.find((level) => level.key === levelKey)?.name ?? levelKey;
}

export function actorName(index: GraphIndex, actor: number): string {
  return index.graph.actors[actor]?.name ?? String(actor);
}

const KIND_WORDS: Record<string, { sv: string; en: string }> = {
  STEERING: { sv: 'styrning', en: 'steering' },
  SUPPORT: { sv: 'stöd', en: 'support' },
  DIALOGUE: { sv: 'dialog', en: 'dialogue' },
  FOLLOW_UP: { sv: 'uppföljning', en: 'follow-up' },
  INFORMAL: { sv: 'informell', en: 'informal' },
  INTERPRETATION: { sv: 'tolkning', en: 'interpretation' },
};

/** Whether another link joins the ends of link e (either way round), read from e's source's incidence list. */
function isParallel(index: GraphIndex, e: number): boolean {
  const s = index.linkSource[e]!;
  const t = index.linkTarget[e]!;
  for (let slot = index.incStart[s]!, end = index.incStart[s + 1]!; slot < end; slot++) {
    if (index.incNeighbour[slot] === t && index.incLink[slot] !== e) return true;
  }
  return false;
}

/** The word for link e's kind in each language when another link joins the same two actors (to tell them apart), else null. */
export function distinguishingKind(index: GraphIndex, e: number): { sv: string; en: string } | null {
  const kind = index.linkKind[e];
  return kind !== undefined && isParallel(index, e) ? (KIND_WORDS[kindOfIndex(kind)] ?? null) : null;
}

/**
 * A link named by its ends ("Skolchef–Rektor"), and by its kind as well when another link joins
 * the same two actors, so the reader knows which of them is meant. `kind` is the kind's word in
 * each language when it is needed, else null.
 */
export function linkLabel(index: GraphIndex, e: number): { ends: string; kind: { sv: string; en: string } | null } {
  const ends = `${actorName(index, index.linkSource[e] ?? -1)}–${actorName(index, index.linkTarget[e] ?? -1)}`;
  return { ends, kind: distinguishingKind(index, e) };
}

/** "1 länk" / "3 länkar" style counts. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * The actor ids of every actor on the given levels (indices into `graph.levels`), in actor order.
 * Levels are marked in an array rather than a set: two levels of a national map hold some 140,000
 * actors, each of which is tested.
 */
export function actorIdsOnLevels(index: GraphIndex, levels: readonly number[]): string[] {
  const isWanted = new Uint8Array(index.graph.levels.length);
  for (const level of levels) isWanted[level] = 1;
  const ids: string[] = [];
  for (let i = 0; i < index.n; i++) if (isWanted[index.levelOf[i]!]) ids.push(index.graph.actors[i]!.id);
  return ids;
}
