/**
 * Runs the independent implementations of `reference.py` (networkx, igraph) for the cross-check
 * test and the benchmark. Debian's python3-networkx and python3-igraph, or pip's; the first
 * python that can import the library is used.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import type { ChainGraph } from '../src/analysis/chain-graph.ts';
import type { GraphIndex } from '../src/analysis/graph-index.ts';

const CANDIDATES = ['python3', '/usr/bin/python3'];
const SCRIPT = fileURLToPath(new URL('./reference.py', import.meta.url));
const found = new Map<string, string | null>();

export type Library = 'networkx' | 'igraph';

/** The first python that imports the library, or null. */
export function findPython(library: Library): string | null {
  if (!found.has(library)) {
    const python = CANDIDATES.find((candidate) => spawnSync(candidate, ['-c', `import ${library}`]).status === 0);
    found.set(library, python ?? null);
  }
  return found.get(library)!;
}

function run<T>(library: Library, command: string, request: unknown): T {
  const python = findPython(library);
  if (!python) throw new Error(`${library} is not installed (apt-get install python3-${library})`);
  const result = spawnSync(python, [SCRIPT, command], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`${library} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** What networkx finds in one graph, from its raw links (actor ids throughout). */
export interface ReferenceAnalyses {
  topLevelKey: string | null;
  islands: {
    componentCount: number;
    mainland: string[] | null;
    islands: Array<{ actorIds: string[]; size: number; levelComposition: Record<string, number> }>;
  };
  /** Articulation point → sizes of the parts, largest first. */
  articulationPoints: Record<string, number[]>;
  /** Exact, unnormalised, each pair once. */
  betweenness: Record<string, number>;
  /** Actors below the top with a path up: its width (2 tight, 1 loose) and hops. */
  paths: Record<string, { width: number; hops: number }>;
  /** Per initiative with an owner: its target actors (other than the owner) reached, with width and hops. */
  initiativeReach: Record<string, Record<string, { width: number; hops: number }>>;
  levelGaps: Array<[string, string]>;
  levelSkips: string[];
}

/** networkx's answers for several graphs in one python run (its start-up dominates small graphs). */
export function referenceAnalyses(graphs: ReadonlyArray<ChainGraph & { minSize?: number }>): ReferenceAnalyses[] {
  return run('networkx', 'analyses', {
    graphs: graphs.map((graph) => ({
      levels: graph.levels,
      actors: graph.actors.map(({ id, levelKey }) => ({ id, levelKey })),
      links: graph.links.map(({ id, sourceId, targetId, kind, coupling, targetResponds, sourceResponds }) => ({
        id,
        sourceId,
        targetId,
        kind,
        coupling,
        targetResponds,
        sourceResponds,
      })),
      initiatives: graph.initiatives.map(({ id, ownerId, targetActorIds }) => ({ id, ownerId, targetActorIds })),
      minSize: graph.minSize ?? 1,
    })),
  });
}

export interface KernelSeconds {
  components: number;
  articulationPoints: number;
  /** null when the library cannot sample sources (Debian's python-igraph 0.10.2). */
  betweenness: number | null;
}

/**
 * Components, articulation points and betweenness (exact when `samples` is 0, else from that
 * many sources) of the index's responsive graph, timed inside python.
 */
export function referenceKernels(index: GraphIndex, library: Library, samples: number, seed: number): KernelSeconds {
  const edges: Array<[number, number]> = [];
  for (let u = 0; u < index.n; u++) {
    for (let slot = index.respStart[u]!; slot < index.respStart[u + 1]!; slot++) {
      const v = index.respNeighbour[slot]!;
      if (u < v) edges.push([u, v]);
    }
  }
  return run<{ seconds: KernelSeconds }>(library, 'kernels', { n: index.n, edges, samples, seed, library }).seconds;
}
