/**
 * Layout comparison (figures, not assertions): our layered layout (client/src/canvas/
 * layered-layout.ts) against ELK's layered algorithm (elkjs) with the chain levels as layer
 * partitions, on the two seeds and a 2,000-element synthetic map. For each it prints edge
 * crossings (straight lines between actor centres, counted pair by pair), total edge length
 * (in units of the mean actor width, so the two layouts' spacings compare), how often two actor
 * boxes overlap, whether each level keeps its own rows, and the time taken (median of RUNS).
 *
 * Run: npx tsx client/e2e/layout-compare.ts   (RUNS=5 for steadier times)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import ELK from 'elkjs/lib/elk.bundled.js';

import { foldNamesakeUnits } from '../src/canvas/fold-units.ts';
import { estimateText } from '../src/canvas/label-text.ts';
import type { Point } from '../src/canvas/layered-layout.ts';
import type { CanvasMap } from '../src/canvas/model.ts';
import { layoutMap, nodeLabels } from '../src/canvas/node-labels.ts';
import { syntheticDocument } from './synthetic.ts';

const RUNS = Number(process.env.RUNS ?? 3);

interface Doc {
  organisation: { levels: { key: string; name: string; isSide: boolean }[] };
  units: { id: string; name: string; parentId?: string | null }[];
  actors: { id: string; name: string; levelKey: string; unitId?: string | null }[];
  scenarios: {
    kind: string;
    links: { id: string; sourceId: string; targetId: string; kind: string; coupling: string }[];
  }[];
}

function canvasMapOf(doc: Doc): CanvasMap {
  const current = doc.scenarios.find((s) => s.kind === 'CURRENT') ?? doc.scenarios[0];
  return foldNamesakeUnits({
    levels: doc.organisation.levels.map((l, i) => ({ ...l, rank: l.isSide ? null : i })),
    units: doc.units.map((u) => ({ id: u.id, name: u.name, parentId: u.parentId ?? null })),
    actors: doc.actors.map((a) => ({ id: a.id, name: a.name, levelKey: a.levelKey, unitId: a.unitId ?? null })),
    links: (current?.links ?? []).map((l) => ({
      ...l,
      kind: l.kind as CanvasMap['links'][number]['kind'],
      coupling: l.coupling as CanvasMap['links'][number]['coupling'],
      targetResponds: null,
      sourceResponds: null,
    })),
  });
}

const seed = (name: string) =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../seeds/organisations/${name}.json`, import.meta.url)), 'utf8'),
  ) as Doc;

function crossings(p: ReadonlyMap<string, Point>, links: CanvasMap['links']): number {
  const segs = links.flatMap((l) => {
    const a = p.get(l.sourceId);
    const b = p.get(l.targetId);
    return a && b && l.sourceId !== l.targetId ? [[a, b, l.sourceId, l.targetId] as const] : [];
  });
  const side = (a: Point, b: Point, c: Point) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    const [a, b, s1, t1] = segs[i]!;
    for (let j = i + 1; j < segs.length; j++) {
      const [c, d, s2, t2] = segs[j]!;
      if (s1 === s2 || s1 === t2 || t1 === s2 || t1 === t2) continue; // links that share an actor meet, not cross
      if (side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0) n++;
    }
  }
  return n;
}

function measure(map: CanvasMap, p: ReadonlyMap<string, Point>, size: Map<string, { width: number; height: number }>) {
  const meanWidth = [...size.values()].reduce((s, v) => s + v.width, 0) / Math.max(1, size.size);
  let length = 0;
  for (const l of map.links) {
    const a = p.get(l.sourceId);
    const b = p.get(l.targetId);
    if (a && b) length += Math.hypot(a.x - b.x, a.y - b.y);
  }
  let overlaps = 0;
  const actors = map.actors.map((a) => ({
    ...(p.get(a.id) as Point),
    ...(size.get(a.id) as { width: number; height: number }),
  }));
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const a = actors[i]!;
      const b = actors[j]!;
      if (Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2) overlaps++;
    }
  }
  // Levels keep their own rows when no actor of a lower chain level sits above one of a higher level.
  const rank = new Map(map.levels.filter((l) => !l.isSide).map((l) => [l.key, l.rank ?? 0]));
  const ys = new Map<number, { min: number; max: number }>();
  for (const a of map.actors) {
    const r = rank.get(a.levelKey);
    const y = p.get(a.id)?.y;
    if (r === undefined || y === undefined) continue;
    const span = ys.get(r) ?? { min: Infinity, max: -Infinity };
    ys.set(r, { min: Math.min(span.min, y), max: Math.max(span.max, y) });
  }
  const spans = [...ys.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  const isLayered = spans.every((s, i) => i === 0 || s.min > (spans[i - 1]?.max ?? -Infinity));
  const xs = [...p.values()].map((q) => q.x);
  const hs = [...p.values()].map((q) => q.y);
  const aspect = (Math.max(...xs) - Math.min(...xs)) / Math.max(1, Math.max(...hs) - Math.min(...hs));
  return {
    crossings: crossings(p, map.links),
    length: length / meanWidth,
    overlaps,
    isLayered,
    aspect,
  };
}

async function elkLayout(
  map: CanvasMap,
  size: Map<string, { width: number; height: number }>,
): Promise<Map<string, Point>> {
  const chain = map.levels.filter((l) => !l.isSide).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const partition = new Map(chain.map((l, i) => [l.key, i]));
  const elk = new ELK();
  const ids = new Set(map.actors.map((a) => a.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.partitioning.activate': 'true',
      'elk.spacing.nodeNode': '10',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    },
    children: map.actors.map((a) => ({
      id: a.id,
      width: size.get(a.id)?.width ?? 100,
      height: size.get(a.id)?.height ?? 40,
      // Side actors in a partition of their own, after the chain.
      layoutOptions: { 'elk.partitioning.partition': String(partition.get(a.levelKey) ?? chain.length) },
    })),
    edges: map.links
      .filter((l) => ids.has(l.sourceId) && ids.has(l.targetId) && l.sourceId !== l.targetId)
      .map((l) => ({ id: l.id, sources: [l.sourceId], targets: [l.targetId] })),
  };
  const result = await elk.layout(graph);
  return new Map(
    (result.children ?? []).map((c) => [
      c.id,
      { x: (c.x ?? 0) + (c.width ?? 0) / 2, y: (c.y ?? 0) + (c.height ?? 0) / 2 },
    ]),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timed<T>(run: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  return { result: result as T, ms: median(times) };
}

const cases: [string, CanvasMap][] = [
  ['kommunby (seed)', canvasMapOf(seed('kommunby'))],
  ['skolgruppen (seed)', canvasMapOf(seed('skolgruppen'))],
  ['synthetic 2,000', canvasMapOf(syntheticDocument('synth', 2000) as unknown as Doc)],
];
const rows: string[] = [];
for (const [name, map] of cases) {
  const labels = nodeLabels(map, estimateText);
  const size = new Map([...labels.actors].map(([id, l]) => [id, { width: l.width, height: l.height }]));
  const ours = await timed(() => layoutMap(map, labels, { aspect: 1.6 }));
  const elk = await timed(() => elkLayout(map, size));
  for (const [engine, run] of [
    ['ours (layered-layout.ts)', ours],
    ['ELK layered, partitions', elk],
  ] as const) {
    const m = measure(map, run.result, size);
    rows.push(
      [
        name.padEnd(20),
        engine.padEnd(25),
        String(m.crossings).padStart(9),
        m.length.toFixed(0).padStart(12),
        String(m.overlaps).padStart(8),
        (m.isLayered ? 'yes' : 'no').padStart(12),
        m.aspect.toFixed(2).padStart(7),
        `${run.ms.toFixed(1)} ms`.padStart(10),
      ].join(' | '),
    );
  }
  console.log(`${name}: ${map.actors.length} actors, ${map.links.length} links`);
}
console.log(
  `\n${'map'.padEnd(20)} | ${'layout'.padEnd(25)} | crossings | edge length | overlaps | levels apart | aspect |      time\n${rows.join('\n')}`,
);
console.log(
  '\nedge length: the sum of straight link lengths in mean actor widths; levels apart: no actor of a lower level above one of a higher;',
  `time: median of ${RUNS} runs in Node (ELK in its bundled single-thread build, as it would run in a browser worker).`,
);
