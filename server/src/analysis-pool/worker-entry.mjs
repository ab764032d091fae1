// The pool threads' entry. A new thread has no TypeScript loader of its own (under Vitest none
// at all; tsx's inherited `--import` is not reliably in place before piscina loads its task file),
// so tsx is registered here before the TypeScript module is loaded.
const { register } = await import('tsx/esm/api');
register();

// Only the pool's threads: the main thread answers requests at normal priority.
const { lowerThisThreadsPriority } = await import('./thread-priority.ts');
lowerThisThreadsPriority();

export const { analyse, helpBetweenness } = await import('./analysis-worker.ts');
