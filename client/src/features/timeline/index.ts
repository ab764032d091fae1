/** The timeline feature's public surface: the side-panel tab that follows the change over time. */
export { TimelinePanel } from './TimelinePanel.tsx';
