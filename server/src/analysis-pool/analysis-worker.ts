/**
 * What the pool's threads run (piscina calls the named exports). Pure computation: a graph in,
 * a report out; nothing here touches the store or the network.
 */
import type { MessagePort } from 'node:worker_threads';
import { LRUCache } from 'lru-cache';

import { planBetweenness } from '../analysis/betweenness.ts';
import type { BetweennessPlan } from '../analysis/betweenness.ts';
import type { ResponsiveGraph } from '../analysis/brandes.ts';
import type { AnalysisId } from '../analysis/findings.ts';
import { numberDesiredLinks } from '../analysis/desired-distance.ts';
import type { DesiredLinks } from '../analysis/desired-distance.ts';
import { adjacencyOf, buildGraphIndex } from '../analysis/graph-index.ts';
import type { GraphIndex } from '../analysis/graph-index.ts';
import { KEY_ACTORS_DEFAULTS } from '../analysis/key-actors.ts';
import { pick, runOnIndex } from '../analysis/registry.ts';
import type { AnalysisInput, AnalysisResults, ParameterValues } from '../analysis/registry.ts';
import { DomainError } from '../domain/errors.ts';
import type { ErrorCode, ErrorDetails } from '../domain/errors.ts';
import { decodeGraph, decodeLinks } from './graph-wire.ts';
import type { GraphWire, LinksWire } from './graph-wire.ts';
import { receiveFollowing } from './following-value.ts';
import type { FollowingValue } from './following-value.ts';
import { abandonBetweenness, finishBetweenness, shareBetweenness, unclaimedChunks } from './parallel-betweenness.ts';
import type { SharedBetweenness } from './parallel-betweenness.ts';
import { reportPart } from './report-parts.ts';
import type { ReportPart } from './report-parts.ts';
import { toReportWire } from './report-wire.ts';
import type { ReportWire } from './report-wire.ts';
import type { Selection } from './selection.ts';

export interface AnalyseTask {
  graph: GraphWire;
  /** The desired scenario's links (a `LinksWire` following on `port`), when the distance is asked for. */
  desired: FollowingValue | null;
  /** The analyses to run (what is selected needs them all). */
  analyses: AnalysisId[];
  /** What to send back: results of analyses by id, and `findings`. */
  selection: Selection;
  parameters: Partial<Record<AnalysisId, ParameterValues>>;
  /**
   * Where this task offers its betweenness to other threads (`SharedBetweenness` messages to the
   * main thread), sends the report's first part early (a `ReportPartMessage`), and receives the
   * desired links.
   */
  port: MessagePort;
}

/** A report part (`ReportPart` on the wire) sent on the task's port before the task ends. */
export interface ReportPartMessage {
  part: ReportWire;
}

/**
 * How a task ended: its last report part, after `earlyParts` parts sent on its port (which the
 * main thread joins before it), or the refusal.
 */
export type AnalyseOutcome =
  { report: ReportWire; earlyParts: number } | { error: { code: ErrorCode; message: string; details: ErrorDetails } };

/** Betweenness work (sources × graph size) below which helpers would cost more than they save. */
const SHARE_ABOVE = 2_000_000;

export function analyse(task: AnalyseTask): AnalyseOutcome {
  try {
    const parts = run(task, (part) => task.port.postMessage({ part: toReportWire(part) } satisfies ReportPartMessage));
    return { report: toReportWire(parts.last), earlyParts: parts.early };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error: { code: error.code, message: error.message, details: error.details } };
  } finally {
    task.port.close();
  }
}

/** A helper's task: a share of another task's betweenness chunks (none when it came too late). */
export { helpWithBetweenness as helpBetweenness } from './parallel-betweenness.ts';

/**
 * What this thread decoded lately: a second analysis of the same stored version (other
 * parameters, another selection, another user) starts from the index instead of the wire (about
 * 250 ms at the nation). Two of each: a national index holds some 65 MB per thread (measured: 49
 * MB of heap and 14 of its own typed arrays; the link columns are shared with the main thread).
 */
const indexes = new LRUCache<number, GraphIndex>({ max: 2 });
const desiredLinks = new LRUCache<number, DesiredLinks>({ max: 2 });

/**
 * The value kept for `version`, made now (by `make`) unless kept. A version is never reused (a
 * changed scenario is a new graph object, encoded under a new version), so a kept value is never
 * stale; a `make` that throws keeps nothing.
 */
function kept<T extends object>(cache: LRUCache<number, T>, version: number, make: () => T): T {
  const value = cache.get(version) ?? make();
  cache.set(version, value);
  return value;
}

/** Betweenness shared with the other threads, and the plan it was shared by. */
interface Shared {
  betweenness: SharedBetweenness;
  plan: BetweennessPlan;
}

/**
 * The index of the task's graph, kept or built, with its betweenness shared as soon as the
 * responsive graph is known: when the index is not kept, that is before the rest of the graph is
 * decoded (about 250 ms at the nation), so the helpers start on it while this thread decodes.
 */
function indexAndBetweenness(task: AnalyseTask): { index: GraphIndex; shared: Shared | null } {
  const { graph } = task;
  const n = graph.actors.count;
  const plan = task.analyses.includes('keyActors')
    ? planBetweenness(n, pick(task.parameters.keyActors, KEY_ACTORS_DEFAULTS))
    : null;
  const offer = (responsive: ResponsiveGraph): Shared | null => {
    if (!plan || plan.sources.length * (n + responsive.respNeighbour.length) < SHARE_ABOVE) return null;
    const betweenness = shareBetweenness(responsive, plan);
    task.port.postMessage(betweenness);
    return { betweenness, plan };
  };
  let early: Shared | null = null;
  const index = kept(indexes, graph.version, () => {
    const adjacency = graph.links.columns && adjacencyOf(n, graph.links.columns);
    if (adjacency) early = offer({ n, ...adjacency });
    try {
      const decoded = decodeGraph(graph);
      return decoded.columns
        ? buildGraphIndex(decoded.graph, decoded.columns, adjacency ?? undefined)
        : buildGraphIndex(decoded.graph);
    } catch (error) {
      // A refused graph: the helpers need not finish its betweenness.
      if (early) abandonBetweenness(early.betweenness);
      throw error;
    }
  });
  return { index, shared: early ?? offer(index) };
}

/** The desired links numbered as `index`'s actors (the wire was numbered so, unless it came as rows). */
function desiredLinksOf(wire: LinksWire, index: GraphIndex): DesiredLinks {
  const desired = decodeLinks(wire);
  if ('rows' in desired) return numberDesiredLinks(index, desired.rows);
  const { idOf, source, target, kind, strength } = desired.columns;
  return { idOf, count: source.length, source, target, kind, strength, actorCount: index.n, extraActorIds: [] };
}

/**
 * Runs the task's analyses and returns its report in parts. When betweenness is shared and has
 * chunks left once the other analyses are done, their part goes to `sendEarly` before this thread
 * joins the helpers, so the main thread decodes it while betweenness is finished (at the nation
 * about 200 ms of decoding no longer waits for betweenness); key actors are then the last part.
 * When the helpers have already claimed every chunk there is nothing to hide the decoding behind
 * (as at the region), and the report goes in one part.
 */
function run(task: AnalyseTask, sendEarly: (part: ReportPart) => void): { last: ReportPart; early: number } {
  // Betweenness is offered before the other analyses run, so helpers start on it while this thread does them.
  const { index, shared } = indexAndBetweenness(task);
  const input: AnalysisInput = { index, desired: null };
  // Analyses the request does not select run for the findings alone and need not list every actor or link.
  const isSelected = (id: AnalysisId): boolean => id in task.selection;
  const runSome = (on: AnalysisInput, ids: AnalysisId[]): Partial<AnalysisResults> => ({
    ...runOnIndex(on, ids.filter(isSelected), task.parameters),
    ...runOnIndex(
      { ...on, findingsOnly: true },
      ids.filter((id) => !isSelected(id)),
      task.parameters,
    ),
  });
  // The distance runs last: the desired links may still be on their way (findings keep their order).
  const results = runSome(
    input,
    task.analyses.filter((id) => (id !== 'keyActors' || !shared) && id !== 'desiredDistance'),
  );
  if (task.analyses.includes('desiredDistance')) {
    if (task.desired) {
      const wire = receiveFollowing<LinksWire>(task.desired, task.port);
      input.desiredLinks = kept(desiredLinks, wire.version, () => desiredLinksOf(wire, index));
    }
    Object.assign(results, runSome(input, ['desiredDistance']));
  }
  if (!shared) return { last: reportPart(results, task.selection), early: 0 };
  const sendsEarly = unclaimedChunks(shared.betweenness) > 0;
  if (sendsEarly) sendEarly(reportPart(results, task.selection));
  const betweenness = { scores: finishBetweenness(shared.betweenness, shared.plan), method: shared.plan.method };
  const keyActorsResults = runSome({ ...input, betweenness }, ['keyActors']);
  const last = sendsEarly ? keyActorsResults : { ...results, ...keyActorsResults };
  return { last: reportPart(last, task.selection), early: sendsEarly ? 1 : 0 };
}
