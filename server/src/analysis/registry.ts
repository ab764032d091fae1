import { asymmetry } from './asymmetry.ts';
import type { AsymmetryResult } from './asymmetry.ts';
import { BROKEN_CHAINS_DEFAULTS, brokenChains } from './broken-chains.ts';
import type { BrokenChainsResult } from './broken-chains.ts';
import type { ChainGraph } from './chain-graph.ts';
import { desiredDistance, numberDesiredLinks } from './desired-distance.ts';
import type { DesiredDistanceResult, DesiredLinks } from './desired-distance.ts';
import { ANALYSIS_IDS } from './findings.ts';
import type { AnalysisId, Finding } from './findings.ts';
import { buildGraphIndex } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';
import { INITIATIVE_CONGESTION_DEFAULTS, initiativeCongestion } from './initiative-congestion.ts';
import type { InitiativeCongestionResult } from './initiative-congestion.ts';
import { INITIATIVE_REACH_DEFAULTS, initiativeReach } from './initiative-reach.ts';
import type { InitiativeReachResult } from './initiative-reach.ts';
import { ISLANDS_DEFAULTS, islands } from './islands.ts';
import type { IslandsResult } from './islands.ts';
import { KEY_ACTORS_DEFAULTS, keyActors } from './key-actors.ts';
import type { ComputedBetweenness, KeyActorsResult } from './key-actors.ts';
import { levelMatrix } from './level-matrix.ts';
import type { LevelMatrixResult } from './level-matrix.ts';
import { levelSkipping } from './level-skipping.ts';
import type { LevelSkippingResult } from './level-skipping.ts';
import { sharedArenas } from './shared-arenas.ts';
import type { SharedArenasResult } from './shared-arenas.ts';

export interface AnalysisResults {
  levelMatrix: LevelMatrixResult;
  brokenChains: BrokenChainsResult;
  islands: IslandsResult;
  keyActors: KeyActorsResult;
  levelSkipping: LevelSkippingResult;
  asymmetry: AsymmetryResult;
  desiredDistance: DesiredDistanceResult;
  initiativeCongestion: InitiativeCongestionResult;
  sharedArenas: SharedArenasResult;
  initiativeReach: InitiativeReachResult;
}

export type ParameterValue = number | boolean;
export type ParameterValues = Readonly<Record<string, ParameterValue>>;

export interface ParameterDescriptor {
  name: string;
  type: 'INT' | 'FLOAT' | 'BOOLEAN';
  default: ParameterValue;
  /** i18n key of the parameter's label, listed here so the i18n check can see it. */
  labelKey: string;
  /** The smallest and largest value a number may take (inclusive). */
  min?: number;
  max?: number;
}

/** What every analysis receives: the scenario's index and, for the distance, the desired graph. */
export interface AnalysisInput {
  index: GraphIndex;
  desired: ChainGraph | null;
  /** The desired links as columns numbered as `index`'s actors, when the caller already has them (then `desired` is not read). */
  desiredLinks?: DesiredLinks;
  /** Betweenness computed elsewhere (the worker pool's threads) with this run's keyActors settings. */
  betweenness?: ComputedBetweenness;
  /**
   * Only the findings will be read (the worker pool runs analyses a query does not select for the
   * findings alone): results may then leave their lists of every actor or link empty (broken
   * chains' `paths`, key actors' `betweenness`, asymmetry's `oneWayLinks`, desired distance's
   * `differences`, initiative reach's `initiatives` and `classroom`) or list only the actors
   * that became findings (initiative congestion's `actors`). Default false.
   */
  findingsOnly?: boolean;
}

export interface AnalysisDescriptor<K extends AnalysisId = AnalysisId> {
  id: K;
  labelKey: string;
  descriptionKey: string;
  parameters: readonly ParameterDescriptor[];
  run(input: AnalysisInput, parameters?: ParameterValues): AnalysisResults[K];
}

type Registry = { readonly [K in AnalysisId]: AnalysisDescriptor<K> };

/** A parameter; numbers are at least 0 unless `min` says otherwise. */
function parameter(
  analysis: AnalysisId,
  name: string,
  value: ParameterValue,
  { type = 'INT', min = 0, max }: { type?: 'INT' | 'FLOAT'; min?: number; max?: number } = {},
): ParameterDescriptor {
  const labelKey = `analysis.${analysis}.parameters.${name}`;
  if (typeof value === 'boolean') return { name, type: 'BOOLEAN', default: value, labelKey };
  return { name, type, default: value, labelKey, min, ...(max === undefined ? {} : { max }) };
}

/** Picks the values of the named parameters, falling back to the descriptor defaults. */
export function pick<T extends object>(values: ParameterValues | undefined, defaults: T): T {
  const picked = { ...defaults };
  for (const key of Object.keys(defaults) as Array<keyof T & string>) {
    const value = values?.[key];
    if (value !== undefined && typeof value === typeof defaults[key]) picked[key] = value as T[typeof key];
  }
  return picked;
}

/**
 * The analyses in DOMAIN.md order (initiative reach last), as descriptors: GraphQL exposes them (with their parameters)
 * and the client's analysis panel renders its forms from this list. Labels are i18n keys written
 * out in full (never built from strings) so the i18n check can find them.
 */
export const ANALYSES: Registry = {
  levelMatrix: {
    id: 'levelMatrix',
    labelKey: 'analysis.levelMatrix.label',
    descriptionKey: 'analysis.levelMatrix.description',
    parameters: [],
    run: ({ index }) => levelMatrix(index),
  },
  brokenChains: {
    id: 'brokenChains',
    labelKey: 'analysis.brokenChains.label',
    descriptionKey: 'analysis.brokenChains.description',
    parameters: [
      parameter('brokenChains', 'includeSideActors', BROKEN_CHAINS_DEFAULTS.includeSideActors),
      parameter('brokenChains', 'weakestLinkLimit', BROKEN_CHAINS_DEFAULTS.weakestLinkLimit),
      parameter('brokenChains', 'weakestLinkMinActors', BROKEN_CHAINS_DEFAULTS.weakestLinkMinActors, { min: 1 }),
    ],
    run: ({ index, findingsOnly }, values) => brokenChains(index, pick(values, BROKEN_CHAINS_DEFAULTS), findingsOnly),
  },
  islands: {
    id: 'islands',
    labelKey: 'analysis.islands.label',
    descriptionKey: 'analysis.islands.description',
    parameters: [parameter('islands', 'minSize', ISLANDS_DEFAULTS.minSize, { min: 1 })],
    run: ({ index }, values) => islands(index, pick(values, ISLANDS_DEFAULTS)),
  },
  keyActors: {
    id: 'keyActors',
    labelKey: 'analysis.keyActors.label',
    descriptionKey: 'analysis.keyActors.description',
    parameters: [
      parameter('keyActors', 'exactLimit', KEY_ACTORS_DEFAULTS.exactLimit),
      parameter('keyActors', 'samples', KEY_ACTORS_DEFAULTS.samples, { min: 1 }),
      parameter('keyActors', 'seed', KEY_ACTORS_DEFAULTS.seed, { min: Number.MIN_SAFE_INTEGER }),
      parameter('keyActors', 'confidence', KEY_ACTORS_DEFAULTS.confidence, { type: 'FLOAT', min: 0.5, max: 0.999999 }),
      parameter('keyActors', 'betweennessLimit', KEY_ACTORS_DEFAULTS.betweennessLimit),
    ],
    run: ({ index, betweenness, findingsOnly }, values) =>
      keyActors(index, pick(values, KEY_ACTORS_DEFAULTS), betweenness, findingsOnly),
  },
  levelSkipping: {
    id: 'levelSkipping',
    labelKey: 'analysis.levelSkipping.label',
    descriptionKey: 'analysis.levelSkipping.description',
    parameters: [],
    run: ({ index }) => levelSkipping(index),
  },
  asymmetry: {
    id: 'asymmetry',
    labelKey: 'analysis.asymmetry.label',
    descriptionKey: 'analysis.asymmetry.description',
    parameters: [],
    run: ({ index, findingsOnly }) => asymmetry(index, findingsOnly),
  },
  desiredDistance: {
    id: 'desiredDistance',
    labelKey: 'analysis.desiredDistance.label',
    descriptionKey: 'analysis.desiredDistance.description',
    parameters: [],
    run: ({ index, desired, desiredLinks, findingsOnly }) =>
      desiredDistance(index, desiredLinks ?? (desired && numberDesiredLinks(index, desired.links)), findingsOnly),
  },
  initiativeCongestion: {
    id: 'initiativeCongestion',
    labelKey: 'analysis.initiativeCongestion.label',
    descriptionKey: 'analysis.initiativeCongestion.description',
    parameters: [
      parameter('initiativeCongestion', 'limit', INITIATIVE_CONGESTION_DEFAULTS.limit),
      parameter('initiativeCongestion', 'minLoad', INITIATIVE_CONGESTION_DEFAULTS.minLoad),
    ],
    run: ({ index, findingsOnly }, values) =>
      initiativeCongestion(index, pick(values, INITIATIVE_CONGESTION_DEFAULTS), findingsOnly),
  },
  sharedArenas: {
    id: 'sharedArenas',
    labelKey: 'analysis.sharedArenas.label',
    descriptionKey: 'analysis.sharedArenas.description',
    parameters: [],
    run: ({ index }) => sharedArenas(index),
  },
  initiativeReach: {
    id: 'initiativeReach',
    labelKey: 'analysis.initiativeReach.label',
    descriptionKey: 'analysis.initiativeReach.description',
    parameters: [parameter('initiativeReach', 'searchLimit', INITIATIVE_REACH_DEFAULTS.searchLimit)],
    run: ({ index, findingsOnly }, values) =>
      initiativeReach(index, pick(values, INITIATIVE_REACH_DEFAULTS), findingsOnly),
  },
};

export interface AnalysisReport extends AnalysisResults {
  /** Every analysis's findings, in DOMAIN.md order. */
  findings: Finding[];
}

export interface RunAnalysesOptions {
  /** The desired scenario's graph, for the distance analysis (empty result when null). Default null. */
  desired?: ChainGraph | null;
  /** Parameter values per analysis; missing ones take the descriptor defaults. */
  parameters?: Partial<Record<AnalysisId, ParameterValues>>;
}

/**
 * Runs all ten analyses over one scenario: indexes the graph once and hands the index to each.
 * @throws DomainError BAD_USER_INPUT when the graph refers to unknown actors, links or levels.
 */
export function runAnalyses(graph: ChainGraph, options: RunAnalysesOptions = {}): AnalysisReport {
  const input: AnalysisInput = { index: buildGraphIndex(graph), desired: options.desired ?? null };
  const results = runOnIndex(input, ANALYSIS_IDS, options.parameters ?? {}) as AnalysisResults;
  return { ...results, findings: findingsOf(results) };
}

/** Runs the given analyses (in DOMAIN.md order) on an index. */
export function runOnIndex(
  input: AnalysisInput,
  ids: readonly AnalysisId[],
  parameters: Partial<Record<AnalysisId, ParameterValues>>,
): Partial<AnalysisResults> {
  const results: Partial<AnalysisResults> = {};
  const run = <K extends AnalysisId>(id: K): void => {
    results[id] = ANALYSES[id].run(input, parameters[id]);
  };
  for (const id of ANALYSIS_IDS) if (ids.includes(id)) run(id);
  return results;
}

/** Every finding of the given results, in DOMAIN.md order. */
export function findingsOf(results: Partial<AnalysisResults>): Finding[] {
  return ANALYSIS_IDS.flatMap((id) => results[id]?.findings ?? []);
}
/** The parameter values an analysis runs with: the given ones of the declared type, else the defaults. */
export function resolveParameters(id: AnalysisId, values: ParameterValues | undefined): Record<string, ParameterValue> {
  return Object.fromEntries(
    ANALYSES[id].parameters.map((parameter) => {
      const value = values?.[parameter.name];
      return [
        parameter.name,
        value !== undefined && typeof value === typeof parameter.default ? value : parameter.default,
      ];
    }),
  );
}
