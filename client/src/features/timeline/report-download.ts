import { ApiError } from '../../api/client.ts';
import { download } from '../../lib/download.ts';

export interface ReportRequest {
  organisationId: string;
  scenarioId: string;
  language: 'sv' | 'en';
  hasNames: boolean;
}

/** The report route's address (server/src/plugins/report-route.ts). */
export function reportUrl({ organisationId, scenarioId, language, hasNames }: ReportRequest): string {
  const query = new URLSearchParams({ scenario: scenarioId, lang: language, ...(hasNames ? { names: 'true' } : {}) });
  return `/api/report/${encodeURIComponent(organisationId)}.pdf?${query}`;
}

/**
 * Fetches the meeting report and saves it; a refusal becomes an ApiError with the server's code
 * (the report takes a moment, so the panel shows progress, which a plain link could not).
 */
export async function downloadReport(request: ReportRequest): Promise<void> {
  const response = await fetch(reportUrl(request), { credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(body.code ?? 'INTERNAL', body.message ?? `HTTP ${response.status}`, body);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'report.pdf';
  download(name, await response.blob());
}
