import { create } from 'zustand';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError } from '../../api/error-text.ts';
import { type AnalysisQuery, AnalysisDocument } from '../../api/generated/graphql.ts';

export type AnalysisReport = AnalysisQuery['analysis'];

/** The last analysis run, keyed by scenario so a stale report is never shown on another map. */
export const analysisStore = create<{
  key: string | null;
  status: RequestStatus<AnalysisReport>;
  chosenId: string | null;
}>(() => ({
  key: null,
  status: { type: 'idle' },
  chosenId: null,
}));

export async function runAnalysis(organisationId: string, scenarioId: string): Promise<void> {
  const key = `${organisationId}:${scenarioId}`;
  analysisStore.setState({ key, status: { type: 'loading' } });
  try {
    const data = await request(AnalysisDocument, { organisationId, scenarioId });
    if (analysisStore.getState().key === key)
      analysisStore.setState({ status: { type: 'ready', data: data.analysis } });
  } catch (error) {
    if (analysisStore.getState().key === key)
      analysisStore.setState({ status: { type: 'error', error: asApiError(error) } });
  }
}
