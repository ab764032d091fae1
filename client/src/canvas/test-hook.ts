import type { Core } from 'cytoscape';

/**
 * The e2e and benchmark hook, installed only when the page is opened with `?e2e`:
 * `window.__kk = { cy, renderedAt }` lets specs read canvas state (classes, selection, data)
 * instead of comparing screenshots. Nothing else reads it.
 */
export interface TestHook {
  cy: Core;
  renderedAt: number | null;
  /** When each step of the first load happened (ms since navigation), for the render benchmark. */
  phases: Record<string, number>;
}

declare global {
  interface Window {
    __kk?: TestHook;
  }
}

function isEnabled(): boolean {
  return typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('e2e');
}

const phases: Record<string, number> = {};

/** Notes the first time a load step is reached: fetch, layout, elements, added (bench only). */
export function markPhase(name: string): void {
  if (isEnabled()) phases[name] ??= performance.now();
}

export function installTestHook(cy: Core): void {
  if (isEnabled()) window.__kk = { cy, renderedAt: null, phases };
}

/** Records when the first drawn frame after the initial layout happened. */
export function markRendered(cy: Core): void {
  if (!isEnabled()) return;
  // Cytoscape emits 'render' once the frame is drawn; the timeout lets the browser present it.
  // The WebGL renderer does not always emit 'render', so two animation frames also count.
  const mark = () => {
    if (window.__kk && window.__kk.renderedAt === null) window.__kk.renderedAt = performance.now();
  };
  cy.one('render', () => setTimeout(mark, 0));
  requestAnimationFrame(() => requestAnimationFrame(mark));
  cy.forceRender();
}
