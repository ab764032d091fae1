/** The import-export feature's public surface: the side-panel tab and the answer to an import. */
export { ImportAnswerView } from './ImportAnswerView.tsx';
export { ImportExportPanel } from './ImportExportPanel.tsx';
