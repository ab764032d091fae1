import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

/** One refused field, as the API reports it in `extensions.issues`. */
export interface ApiIssue {
  field: string;
  reason: string;
  message?: string;
}

/** A refusal or failure translated into data the UI can show: a code, the field and why. */
export class ApiError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly reason: string | undefined;
  readonly issues: ApiIssue[];
  /** Everything else the API put in `extensions` (VERSION_CONFLICT: `current`, `actualVersion`, …). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    details: { field?: string; reason?: string; issues?: ApiIssue[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.details = details;
    this.name = 'ApiError';
    this.code = code;
    this.field = details.field;
    this.reason = details.reason;
    this.issues =
      details.issues ?? (details.field && details.reason ? [{ field: details.field, reason: details.reason }] : []);
  }
}

/** Request status as the UI sees it; an error keeps its code so the view can say what to do. */
export type RequestStatus<T> =
  { type: 'idle' } | { type: 'loading' } | { type: 'ready'; data: T } | { type: 'error'; error: ApiError };

interface GraphQLResponseError {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string; issues?: ApiIssue[]; [key: string]: unknown };
}

/** Reads the first GraphQL error of a response (Mercurius answers refusals with HTTP 200). */
export function toApiError(errors: GraphQLResponseError[]): ApiError {
  const [first] = errors;
  const ext = first?.extensions ?? {};
  return new ApiError(ext.code ?? 'INTERNAL', first?.message ?? 'Unknown error', ext);
}

const endpoint = '/graphql';

/** Posts one typed operation; throws ApiError (code NETWORK when the server cannot be reached). */
export async function request<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: String(document), variables }),
    });
  } catch (cause) {
    throw new ApiError('NETWORK', cause instanceof Error ? cause.message : 'Network error');
  }
  let body: { data?: TResult | null; errors?: GraphQLResponseError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(response.ok ? 'INTERNAL' : 'NETWORK', `HTTP ${response.status}`);
  }
  if (body.errors && body.errors.length > 0) throw toApiError(body.errors);
  if (!body.data) throw new ApiError('INTERNAL', 'Empty response');
  return body.data;
}
