/**
 * The error catalogue: every code the API can answer with, listed once. Codes are for machines
 * (the client translates them); `details` carry the field, id and reason for people.
 * The table in docs/errors.md documents each code.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'A field is missing, malformed, too long or refers to something that does not exist.',
  NOT_FOUND: 'The organisation, scenario or record does not exist in this organisation.',
  DUPLICATE: 'Something with this id or key already exists.',
  VERSION_CONFLICT:
    'The record changed since it was read; reload and apply again (details.current is the stored record).',
  UNAUTHENTICATED: 'Not signed in, or the session has expired.',
  INVALID_CREDENTIALS: 'The email or password is wrong.',
  PASSWORD_CHANGE_REQUIRED: 'A one-time password is in use; change it before anything else.',
  FORBIDDEN: 'Signed in, but the role held in this organisation does not allow this.',
  TOO_MANY_REQUESTS: 'Too many attempts; wait and try again.',
  INVITATION_INVALID: 'The invitation is unknown, already used or expired.',
  INVITATION_FOR_ANOTHER_EMAIL: 'The invitation is made out to another email than the signed-in account’s.',
  SHARE_LINK_INVALID: 'The share link is unknown, revoked or expired, or its presentation was deleted.',
  ROUND_CODE_INVALID: 'No perception round has this code.',
  ROUND_TOKEN_INVALID: 'The participant token is unknown: join the round again with its code.',
  ROUND_CLOSED: 'The perception round is closed (or its date has passed); it takes no answers.',
  ROUND_FULL: 'The perception round has as many participants as it may take.',
  LAST_OWNER: 'An organisation must keep at least one owner.',
  RESTORE_UNAVAILABLE: 'The history does not reach back to that entry, or replaying it gives an invalid map.',
  QUERY_TOO_LARGE: 'The query text is longer than the limit.',
  BODY_TOO_LARGE: 'The request body is larger than the limit.',
  BAD_REQUEST: 'The request is not valid JSON or not a GraphQL request.',
  QUERY_TOO_COMPLEX: 'The query selects too many fields or aliases, or nests too deep.',
  TOO_MANY_ANALYSES: 'A request may run one analysis; this one asks for more (aliases count).',
  ANALYSIS_TOO_LARGE: 'The analysis would cost more than the configured budget (details.cost, details.limit).',
  ANALYSIS_BUSY: 'Too many analyses are running for this user, or waiting on the server; try again shortly.',
  REPORT_TOO_LARGE: 'The map has more actors than a meeting report is made for (details.actors, details.limit).',
  DOCUMENT_INVALID: 'An interchange document failed validation; every issue is listed.',
  IMPORT_TOO_LARGE:
    'The import is over a limit (upload size, size once decompressed, compression ratio, rows or problems); details name the limit and the setting that raises it.',
  ORGANISATION_EXISTS: 'An organisation with this id already exists; import with mode REPLACE to overwrite.',
  GRAPHQL_VALIDATION_FAILED: 'The query does not match the schema (unknown field, wrong type, missing argument).',
  STORE_UNAVAILABLE: 'The database could not be reached.',
  INTERNAL: 'An unexpected error; it has been logged.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Why a field was refused, as a stable word the client can translate. */
export type IssueReason =
  | 'REQUIRED'
  | 'INVALID'
  | 'TOO_LONG'
  | 'UNKNOWN_REFERENCE'
  | 'OTHER_SCENARIO'
  | 'SELF_LINK'
  | 'DUPLICATE'
  | 'UNKNOWN_LEVEL'
  | 'LEVEL_IN_USE'
  | 'COUPLING_CONTRADICTS_RATINGS'
  | 'COUPLING_REQUIRED'
  | 'SCENARIO_RULE'
  | 'CYCLE';

/** One refused field: `field` is a path such as `targetId` or `scenarios[0].links[3].targetId`. */
export interface FieldIssue {
  field: string;
  reason: IssueReason;
  message: string;
  value?: unknown;
}

export interface ErrorDetails {
  field?: string;
  reason?: IssueReason;
  id?: string;
  kind?: string;
  issues?: FieldIssue[];
  [key: string]: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  /**
   * What graphql-js copies into a GraphQL error that wraps this one, where no formatter of ours
   * runs (Mercurius' WebSocket path): the code and details, as over HTTP.
   */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

/** A refusal for one or more fields; the first issue names the field in the top-level details. */
export function invalidInput(issues: FieldIssue[], code: ErrorCode = 'BAD_USER_INPUT'): DomainError {
  const [first] = issues;
  const message =
    issues.length === 1 && first
      ? `${first.field}: ${first.message}`
      : `${issues.length} problems: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`;
  return new DomainError(code, message, {
    field: first?.field,
    reason: first?.reason,
    issues,
  });
}

export function notFound(kind: string, id: string): DomainError {
  return new DomainError('NOT_FOUND', `No ${kind} with id "${id}" in this organisation.`, { kind, id });
}

export function versionConflict(kind: string, id: string, expected: number, actual: number): DomainError {
  return new DomainError(
    'VERSION_CONFLICT',
    `The ${kind} "${id}" is at version ${actual}, not ${expected}: someone changed it since you read it.`,
    { kind, id, expectedVersion: expected, actualVersion: actual },
  );
}
