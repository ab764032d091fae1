// The map read thread's entry: as analysis-pool/worker-entry.mjs, tsx is registered here before
// the TypeScript module is loaded (a new thread has no TypeScript loader of its own).
const { register } = await import('tsx/esm/api');
register();

export const { readMap } = await import('./map-read-worker.ts');
