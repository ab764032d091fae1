import { deserialize, serialize } from 'node:v8';

import { LoopSlicer } from './loop-slicer.ts';

/**
 * A worker's result on its way to the main thread, cut so that decoding it can be spread over
 * the event loop: a national report is close to 100 MB serialised, and decoding it in one piece
 * would block every user for seconds. The first piece is the value with its large arrays left
 * empty; each later piece appends a run of items to one of those arrays (an item too large for
 * one piece is itself cut the same way). All pieces share one buffer in shared memory, so nothing
 * is copied on the way.
 */
export interface ReportWire {
  buffer: SharedArrayBuffer;
  /** Piece i is buffer[offsets[i], offsets[i + 1]). */
  offsets: number[];
}

type Path = ReadonlyArray<string | number>;

interface Patch {
  /** Where the array to append to sits in the value. */
  path: Path;
  items: unknown[];
}

/** About 20,000 values: a few milliseconds to decode. */
const PIECE_WEIGHT = 20_000;

/** The worker's side. */
export function toReportWire(value: object, pieceWeight = PIECE_WEIGHT): ReportWire {
  const patches: Patch[] = [];
  const skeleton = detach(value, [], patches, pieceWeight);
  const pieces = [serialize(skeleton), ...patches.map((patch) => serialize(patch))];
  const offsets = [0];
  for (const piece of pieces) offsets.push(offsets.at(-1)! + piece.byteLength);
  const buffer = new SharedArrayBuffer(offsets.at(-1)!);
  const bytes = new Uint8Array(buffer);
  pieces.forEach((piece, i) => bytes.set(piece, offsets[i]));
  return { buffer, offsets };
}

/** The main thread's side: decodes piece by piece, letting the event loop run in between. */
export async function fromReportWire<T>(wire: ReportWire, slicer = new LoopSlicer()): Promise<T> {
  const piece = (i: number): unknown =>
    deserialize(new Uint8Array(wire.buffer, wire.offsets[i], wire.offsets[i + 1]! - wire.offsets[i]!));
  const root = piece(0);
  for (let i = 1; i + 1 < wire.offsets.length; i++) {
    await slicer.breathe();
    const { path, items } = piece(i) as Patch;
    let target = root as Record<string | number, unknown>;
    for (const key of path) target = target[key] as Record<string | number, unknown>;
    const array = target as unknown as unknown[];
    for (const item of items) array.push(item);
  }
  return root as T;
}

/** The value with every array heavier than `limit` emptied; what was taken out is in `patches`, in order. */
function detach(value: unknown, path: Path, patches: Patch[], limit: number): unknown {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (weight(value, limit) <= limit) return value;
  if (!Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, detach(child, [...path, key], patches, limit)]),
    );
  }
  let run: unknown[] = [];
  let runWeight = 0;
  const flush = (): void => {
    if (run.length > 0) patches.push({ path, items: run });
    run = [];
    runWeight = 0;
  };
  value.forEach((item: unknown, i) => {
    const itemWeight = weight(item, limit);
    if (itemWeight > limit) {
      flush();
      const inner: Patch[] = [];
      patches.push({ path, items: [detach(item, [...path, i], inner, limit)] });
      patches.push(...inner);
      return;
    }
    if (runWeight + itemWeight > limit) flush();
    run.push(item);
    runWeight += itemWeight;
  });
  flush();
  return [];
}

/** Roughly what a value costs to decode: one per object, array and primitive; counting stops past `cap`. */
function weight(value: unknown, cap: number): number {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return 1;
  let total = 1;
  const children: Iterable<unknown> = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) {
    total += weight(child, cap - total);
    if (total > cap) break;
  }
  return total;
}
