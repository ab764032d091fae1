/**
 * Runs networkx (an independent implementation) on the responsive graph of a GraphIndex: for the
 * cross-check test and the benchmark. networkx comes from Debian's python3-networkx or pip; the
 * first interpreter that can import it is used.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { GraphIndex } from '../src/analysis/graph-index.ts';

const CANDIDATES = ['python3', '/usr/bin/python3'];

let found: string | null | undefined;

/** The first python that imports networkx, or null. */
export function findNetworkxPython(): string | null {
  if (found !== undefined) return found;
  found = null;
  for (const python of CANDIDATES) {
    const result = spawnSync(python, ['-c', 'import networkx'], { stdio: 'ignore' });
    if (result.status === 0) {
      found = python;
      break;
    }
  }
  return found;
}

const SCRIPT = String.raw`
import json, sys, time
import networkx as nx
path, n, k, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
G = nx.Graph()
G.add_nodes_from(range(n))
with open(path) as f:
    G.add_edges_from((int(a), int(b)) for a, b in (line.split() for line in f if line.strip()))
t0 = time.perf_counter()
components = [sorted(c) for c in nx.connected_components(G)]
t1 = time.perf_counter()
points = sorted(nx.articulation_points(G))
t2 = time.perf_counter()
bc = nx.betweenness_centrality(G, k=(k if k > 0 else None), normalized=False, seed=seed)
t3 = time.perf_counter()
json.dump({"components": components, "articulationPoints": points,
           "betweenness": [bc[i] for i in range(n)],
           "seconds": {"components": t1 - t0, "articulationPoints": t2 - t1, "betweenness": t3 - t2}}, sys.stdout)
`;

export interface NetworkxResult {
  components: number[][];
  articulationPoints: number[];
  /** Undirected, not normalised (networkx `normalized=False`), scaled by n/k when sampled. */
  betweenness: number[];
  seconds: { components: number; articulationPoints: number; betweenness: number };
}

/**
 * Components, articulation points and betweenness of the index's responsive graph by networkx.
 * @param samples networkx's `k` (0 = exact). Its pivots differ from ours: compare sampled values
 *   only statistically.
 */
export function runNetworkx(index: GraphIndex, samples = 0, seed = 1): NetworkxResult {
  const python = findNetworkxPython();
  if (!python) throw new Error('networkx is not installed (apt-get install python3-networkx)');
  const dir = mkdtempSync(join(tmpdir(), 'kopplingskartan-nx-'));
  try {
    const lines: string[] = [];
    for (let u = 0; u < index.n; u++) {
      for (let slot = index.respStart[u]!; slot < index.respStart[u + 1]!; slot++) {
        const v = index.respNeighbour[slot]!;
        if (u < v) lines.push(`${u} ${v}`);
      }
    }
    const file = join(dir, 'edges.txt');
    writeFileSync(file, lines.join('\n') + '\n');
    const result = spawnSync(python, ['-c', SCRIPT, file, String(index.n), String(samples), String(seed)], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (result.status !== 0) throw new Error(`networkx failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as NetworkxResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
