/**
 * HTTP routes for files in and out. Files are binary, can be large and want progress, so they
 * go over plain HTTP (the raw body as a stream) rather than GraphQL:
 *
 *   POST /api/import?organisationId=&mode=CREATE|MERGE|REPLACE&dryRun=true|false&format=&sheet=&fileName=&name=
 *     (CREATE makes a new organisation whose id the server chooses; MERGE and REPLACE need organisationId)
 *   GET  /api/export/:organisationId.(xlsx|zip|csv|graphml|json)?lang=en|sv&sheet=&scenario=
 *   GET  /api/import-template?format=xlsx|zip|csv&lang=en|sv&sheet=
 *   GET  /api/rounds/:organisationId/:roundId.(csv|xlsx)?lang=en|sv  (a perception round's anonymous answers; editors)
 *
 * An import is a dry run unless `dryRun=false`; with `Accept: application/x-ndjson` the answer
 * streams progress lines before the result. The write is one transaction in the store.
 */
import { PassThrough, Readable } from 'node:stream';

import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

import { versionsOf } from '../domain/content-versions.ts';
import { contentsToDocument } from '../domain/document.ts';
import { newOrganisationId } from '../domain/ids.ts';
import type { OrganisationContents } from '../domain/records.ts';
import { requireViewer } from '../auth/roles.ts';
import { DomainError } from '../domain/errors.ts';
import { audited, ownerOf } from '../editing/history.ts';
import { csvChunks, csvZip } from '../io/csv/csv-export.ts';
import { documentSheets } from '../io/document-sheets.ts';
import { graphmlChunks } from '../io/graphml/graphml-export.ts';
import type { ImportPlan } from '../io/import-plan.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../io/import-limits.ts';
import { detectFormat, planFromStream } from '../io/import-source.ts';
import type { ImportMode } from '../io/merge.ts';
import type { ImportProgress } from '../io/sheet-collector.ts';
import { type Lang, resolveSheetName, SHEET_NAMES } from '../io/spreadsheet-layout.ts';
import { exampleDocument } from '../io/template.ts';
import { writeXlsx, writeXlsxTable } from '../io/xlsx/xlsx-export.ts';
import { requireRound, roundAnswerExport } from '../rounds/round-commands.ts';
import { problem, problemHandler } from './http-problem.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** What an import may read, for the REST import here and GraphQL's importOrganisation alike. */
    importLimits: ImportLimits;
  }
}

export interface IoRoutesOptions {
  /** What an import may read (default DEFAULT_IMPORT_LIMITS). */
  limits?: ImportLimits;
  /** Issues listed one by one in an answer; the rest are counted (default 1000). */
  issueListLimit?: number;
}

const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  csv: 'text/csv; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;
type ExportFormat = keyof typeof MEDIA_TYPES;

function langOf(value: string | undefined): Lang {
  return value === 'sv' ? 'sv' : 'en';
}

interface ImportQuery {
  organisationId?: string;
  mode?: string;
  dryRun?: string;
  format?: string;
  sheet?: string;
  fileName?: string;
  name?: string;
}

/** The answer to an import: the plan without its contents, issues capped for the wire. */
function answerOf(plan: ImportPlan, isDryRun: boolean, isApplied: boolean, limit: number) {
  const { contents: _contents, issues, ...rest } = plan;
  return {
    ...rest,
    ...(plan.ok ? {} : { code: 'DOCUMENT_INVALID' }),
    dryRun: isDryRun,
    applied: isApplied,
    issueCount: issues.length,
    issues: issues.slice(0, limit),
    issuesLeftOut: Math.max(0, issues.length - limit),
  };
}

function attachment(reply: FastifyReply, fileName: string, format: ExportFormat): FastifyReply {
  return reply
    .header('content-type', MEDIA_TYPES[format])
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
}

function xlsxStream(sheets: ReturnType<typeof documentSheets>, lang: Lang, isTemplate: boolean): Readable {
  const out = new PassThrough();
  writeXlsx(sheets, out, { lang, isInstructionsFirst: isTemplate }).catch((error: unknown) =>
    out.destroy(error as Error),
  );
  return out;
}

async function routes(app: FastifyInstance, options: IoRoutesOptions): Promise<void> {
  const limits = app.importLimits;
  const issueListLimit = options.issueListLimit ?? 1000;

  app.setErrorHandler(problemHandler('an import/export route'));

  // Every body reaches the import handler as the raw stream, whatever its media type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.post<{ Querystring: ImportQuery }>('/api/import', async (request, reply) => {
    const query = request.query;
    const format = detectFormat({
      format: query.format,
      fileName: query.fileName,
      contentType: request.headers['content-type'],
    });
    if (!format) {
      return problem(
        reply,
        415,
        'BAD_USER_INPUT',
        'Say what the file is: ?format=csv|zip|xlsx|graphml|json, a file name or a media type.',
      );
    }
    const sheet = query.sheet ? resolveSheetName(query.sheet) : undefined;
    if (sheet === null) {
      return problem(reply, 400, 'BAD_USER_INPUT', `"${query.sheet}" is not a sheet (${SHEET_NAMES.join(', ')})`);
    }
    const viewer = requireViewer(request.viewer);
    const mode = (query.mode?.toUpperCase() ?? (query.organisationId ? 'MERGE' : 'CREATE')) as ImportMode;
    if (!['CREATE', 'MERGE', 'REPLACE'].includes(mode)) {
      return problem(reply, 400, 'BAD_USER_INPUT', 'mode is CREATE, MERGE or REPLACE');
    }
    // A new organisation's id is chosen by the server (so no answer tells whether an id is
    // taken); into an existing one, the caller's role is checked before its existence.
    let existingContents: OrganisationContents | null = null;
    if (mode !== 'CREATE') {
      const organisationId = query.organisationId ?? '';
      await app.authorizeOrganisation(request, organisationId, mode === 'REPLACE' ? 'OWNER' : 'EDITOR');
      existingContents = await app.store.readOrganisation(organisationId);
      if (!existingContents) {
        return problem(reply, 404, 'NOT_FOUND', `No organisation with id "${organisationId}".`, {
          kind: 'organisation',
          id: organisationId,
        });
      }
    }
    const isDryRun = query.dryRun !== 'false';
    const body = request.body instanceof Readable ? request.body : Readable.from([]);
    const isStreaming = (request.headers.accept ?? '').includes('application/x-ndjson');
    const out = isStreaming ? new PassThrough() : null;
    const emit = (event: object) => out?.write(`${JSON.stringify(event)}\n`);

    const run = async () => {
      const plan = await planFromStream(body, {
        format,
        mode,
        existing: existingContents ? contentsToDocument(existingContents) : null,
        organisationName: query.name,
        newOrganisationId,
        sheet,
        fileName: query.fileName,
        limits,
        onProgress: (progress: ImportProgress) => emit({ type: 'progress', phase: 'reading', ...progress }),
      });
      emit({ type: 'progress', phase: 'checked', issues: plan.issues.length });
      let isApplied = false;
      if (!isDryRun && plan.ok && plan.contents) {
        emit({ type: 'progress', phase: 'writing' });
        const { contents } = plan;
        const organisationId = contents.organisation.id;
        const audit = { log: app.changeLog, userId: viewer.userId };
        await audited(
          audit,
          app.store,
          organisationId,
          // Refused (VERSION_CONFLICT) when anything changed since the plan was made from `existingContents`.
          () =>
            existingContents
              ? app.store.replaceOrganisation(contents, versionsOf(existingContents))
              : app.store.createOrganisation(contents),
          (written) => ({
            kind: 'organisation',
            recordId: written.id,
            action: 'IMPORT',
            before: existingContents?.organisation ?? null,
            after: written,
            isSnapshot: true,
          }),
          // A new organisation gets the importer as its owner, in the same transaction.
          plan.isNew ? ownerOf(audit, organisationId) : {},
        );
        isApplied = true;
      }
      return { plan, isApplied };
    };

    if (!out) {
      const { plan, isApplied } = await run();
      const status = plan.ok ? (isApplied && plan.isNew ? 201 : 200) : isDryRun ? 200 : 422;
      return reply.code(status).send(answerOf(plan, isDryRun, isApplied, issueListLimit));
    }
    reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(out);
    run().then(
      ({ plan, isApplied }) =>
        out.end(`${JSON.stringify({ type: 'result', ...answerOf(plan, isDryRun, isApplied, issueListLimit) })}\n`),
      (error: unknown) => {
        const known =
          error instanceof DomainError ? { code: error.code, message: error.message, ...error.details } : null;
        if (!known) request.log.error({ err: error }, 'import failed');
        out.end(
          `${JSON.stringify({ type: 'error', ...(known ?? { code: 'INTERNAL', message: 'Internal error; it has been logged.' }) })}\n`,
        );
      },
    );
    return reply;
  });

  app.get<{ Params: { file: string }; Querystring: { lang?: string; sheet?: string; scenario?: string } }>(
    '/api/export/:file',
    async (request, reply) => {
      const { file } = request.params;
      const dot = file.lastIndexOf('.');
      const id = file.slice(0, dot);
      const format = file.slice(dot + 1) as ExportFormat;
      if (dot <= 0 || !(format in MEDIA_TYPES)) {
        return problem(
          reply,
          404,
          'NOT_FOUND',
          'Export as <organisation id>.xlsx, .zip (CSV files), .csv?sheet=, .graphml or .json',
        );
      }
      await app.authorizeOrganisation(request, id, 'VIEWER');
      const contents = await app.store.readOrganisation(id);
      if (!contents)
        return problem(reply, 404, 'NOT_FOUND', `No organisation with id "${id}".`, { kind: 'organisation', id });
      const document = contentsToDocument(contents);
      const lang = langOf(request.query.lang);
      switch (format) {
        case 'json':
          return attachment(reply, `${id}.json`, format).send(JSON.stringify(document));
        case 'xlsx':
          return attachment(reply, `${id}.xlsx`, format).send(
            xlsxStream(documentSheets(document, { lang }), lang, false),
          );
        case 'zip':
          return attachment(reply, `${id}.zip`, format).send(
            Readable.from(csvZip(documentSheets(document, { lang }), lang)),
          );
        case 'csv': {
          const sheet = request.query.sheet ? resolveSheetName(request.query.sheet) : null;
          if (!sheet) return problem(reply, 400, 'BAD_USER_INPUT', `Name the sheet: ?sheet=${SHEET_NAMES.join('|')}`);
          const [rows] = documentSheets(document, { lang, sheets: [sheet] });
          return attachment(reply, `${id}-${sheet}.csv`, format).send(Readable.from(csvChunks(rows!)));
        }
        case 'graphml': {
          const scenarioId = request.query.scenario;
          if (scenarioId && !document.scenarios.some((s) => s.id === scenarioId)) {
            return problem(reply, 404, 'NOT_FOUND', `No scenario with id "${scenarioId}".`, {
              kind: 'scenario',
              id: scenarioId,
            });
          }
          return attachment(reply, `${id}.graphml`, format).send(Readable.from(graphmlChunks(document, scenarioId)));
        }
      }
    },
  );

  app.get<{ Params: { organisationId: string; file: string }; Querystring: { lang?: string } }>(
    '/api/rounds/:organisationId/:file',
    async (request, reply) => {
      const { organisationId, file } = request.params;
      const match = /^(.+)\.(csv|xlsx)$/.exec(file);
      if (!match) return problem(reply, 404, 'NOT_FOUND', 'Export a round as <round id>.csv or <round id>.xlsx');
      const [, roundId, format] = match as unknown as [string, string, 'csv' | 'xlsx'];
      await app.authorizeOrganisation(request, organisationId, 'EDITOR');
      const round = await requireRound(app.rounds, organisationId, roundId);
      const lang = langOf(request.query.lang);
      const table = await roundAnswerExport(app.store, app.rounds, round, lang);
      if (format === 'csv') return attachment(reply, `${roundId}.csv`, format).send(Readable.from(csvChunks(table)));
      const out = new PassThrough();
      writeXlsxTable(table, out).catch((error: unknown) => out.destroy(error as Error));
      return attachment(reply, `${roundId}.xlsx`, format).send(out);
    },
  );

  app.get<{ Querystring: { format?: string; lang?: string; sheet?: string } }>(
    '/api/import-template',
    async (request, reply) => {
      const lang = langOf(request.query.lang);
      const sheets = documentSheets(exampleDocument(), { lang });
      const format = request.query.format ?? 'xlsx';
      const base = lang === 'sv' ? 'mall' : 'template';
      if (format === 'xlsx') return attachment(reply, `${base}.xlsx`, 'xlsx').send(xlsxStream(sheets, lang, true));
      if (format === 'zip') return attachment(reply, `${base}.zip`, 'zip').send(Readable.from(csvZip(sheets, lang)));
      if (format === 'csv') {
        const sheet = request.query.sheet ? resolveSheetName(request.query.sheet) : null;
        const rows = sheets.find((s) => s.name === sheet);
        if (!rows) return problem(reply, 400, 'BAD_USER_INPUT', `Name the sheet: ?sheet=${SHEET_NAMES.join('|')}`);
        return attachment(reply, `${base}-${rows.name}.csv`, 'csv').send(Readable.from(csvChunks(rows)));
      }
      return problem(reply, 400, 'BAD_USER_INPUT', 'format is xlsx, zip or csv');
    },
  );
}

/**
 * Registers the import/export routes in their own scope, so that the catch-all body parser
 * they need does not reach GraphQL or any other route. Needs the `store` plugin.
 */
export const ioRoutesPlugin = fp<IoRoutesOptions>(
  async (app, options) => {
    app.decorate('importLimits', options.limits ?? DEFAULT_IMPORT_LIMITS);
    await app.register(routes, options);
  },
  { name: 'io-routes', dependencies: ['store', 'auth'] },
);
