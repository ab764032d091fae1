import type { z } from 'zod';

import { type InterchangeDocument, interchangeDocumentSchema } from './model.ts';

/** One problem in a document, located by a JSON path such as `scenarios[0].links[3].targetId`. */
export interface DocumentIssue {
  path: string;
  message: string;
}

export type ParseResult = { ok: true; document: InterchangeDocument } | { ok: false; issues: DocumentIssue[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function toDocumentIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Checks a document's shape and fills defaults. Cross-references (an actor's level, a link's
 * endpoints) are domain rules and are checked by the server, the same way for import and editing.
 */
export function parseInterchangeDocument(value: unknown): ParseResult {
  const result = interchangeDocumentSchema.safeParse(value);
  return result.success ? { ok: true, document: result.data } : { ok: false, issues: toDocumentIssues(result.error) };
}
