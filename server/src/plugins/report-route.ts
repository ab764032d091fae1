/**
 * GET /api/report/:organisationId.pdf?scenario=&lang=sv|en&names=true: the meeting report as a PDF
 * (the same as `npm run report`). Viewers and up, like the analyses it shows; anonymised with the
 * presentations' server-side rules unless `names=true` is asked for. Its analyses run in the
 * worker pool under the caller's analysis limits, so the event loop holds only the map reads, the
 * redaction and the PDF drawing; a map over REPORT_MAX_ACTORS is refused before any of that.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { fileSlug } from '@kopplingskartan/schema/text';

import { requireViewer } from '../auth/roles.ts';
import { meetingReport } from '../reporting/meeting-report.ts';
import { reportPdf } from '../reporting/report-pdf.ts';
import { problem, problemHandler } from './http-problem.ts';

export interface ReportRouteOptions {
  /** Most actors a report is made for (REPORT_MAX_ACTORS). */
  maxActors: number;
}

interface ReportQuery {
  scenario?: string;
  lang?: string;
  names?: string;
}

async function routes(app: FastifyInstance, { maxActors }: ReportRouteOptions): Promise<void> {
  app.setErrorHandler(problemHandler('the report route'));
  app.get<{ Params: { file: string }; Querystring: ReportQuery }>('/api/report/:file', async (request, reply) => {
    const match = /^(.+)\.pdf$/.exec(request.params.file);
    if (!match) {
      return problem(reply, 404, 'NOT_FOUND', 'Ask for the report as <organisation id>.pdf');
    }
    const organisationId = match[1]!;
    const { userId } = requireViewer(request.viewer);
    await app.authorizeOrganisation(request, organisationId, 'VIEWER');
    const report = await meetingReport(
      app.store,
      organisationId,
      {
        scenarioId: request.query.scenario || null,
        language: request.query.lang === 'en' ? 'en' : 'sv',
        anonymised: request.query.names !== 'true',
        maxActors,
      },
      (current, desired, selection) => app.analyses.run({ userId, current, desired, parameters: {}, selection }),
    );
    const name = `${fileSlug(report.organisationName, 'organisation')}-${report.anonymised ? 'report' : 'report-names'}.pdf`;
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(await reportPdf(report)));
  });
}

/** Registered beside the import/export routes; its error handler stays inside it. */
export const reportRoutePlugin = fp<ReportRouteOptions>(
  async (app, options) => {
    await app.register(routes, options);
  },
  { name: 'report-route', dependencies: ['store', 'auth', 'analysis'] },
);
