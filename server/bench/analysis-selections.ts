import type { Selection } from '../src/analysis-pool/selection.ts';
import { ANALYSIS_IDS } from '../src/analysis/findings.ts';

/** Every analysis and the findings: the whole report. */
export const EVERYTHING: Selection = Object.fromEntries(['findings', ...ANALYSIS_IDS].map((part) => [part, true]));

/** What the client's analysis panel asks for (client/src/features/analysis/analysis.graphql). */
export const CLIENT_QUERY: Selection = {
  findings: {
    id: true,
    analysis: true,
    kind: true,
    actorIds: true,
    linkIds: true,
    unitIds: true,
    levelKeys: true,
    explanation: { sv: true, en: true },
  },
  levelMatrix: { cells: { levelKeys: true, total: true, responsive: true } },
};
