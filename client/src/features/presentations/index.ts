/** The presentations feature's public surface: the side-panel tab and the two full-window pages. */
export { PresentationsPanel } from './PresentationsPanel.tsx';
export { PresentRoute } from './PresentRoute.tsx';
export { ShareRoute } from './ShareRoute.tsx';
export { parseRoute, type Route } from './routes.ts';
