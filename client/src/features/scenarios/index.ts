/** The scenarios feature's public surface: the side-panel tab, the banner over the map, switching and comparing. */
export { ScenarioBanner } from './ScenarioBanner.tsx';
export { ScenarioPanel } from './ScenarioPanel.tsx';
export { compareScenarios, couplingMarks } from './compare.ts';
export { scenarioLabel } from './scenario-label.ts';
export { showScenario } from './scenario-commands.ts';
