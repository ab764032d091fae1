/** The initiatives feature's public surface: its tab, and the initiatives reaching an actor or a unit. */
export { InitiativesPanel } from './InitiativesPanel.tsx';
export { InitiativesReaching } from './InitiativesReaching.tsx';
