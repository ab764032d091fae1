/** The scenarios feature's public surface: the side-panel tab and the banner over the map. */
export { ScenarioBanner } from './ScenarioBanner.tsx';
export { ScenarioPanel } from './ScenarioPanel.tsx';
