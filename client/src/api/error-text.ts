import type { TFunction } from 'i18next';

import { ApiError } from './client.ts';

const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'DUPLICATE',
  'VERSION_CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'DOCUMENT_INVALID',
  'ORGANISATION_EXISTS',
  'STORE_UNAVAILABLE',
  'INTERNAL',
  'NETWORK',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'INVITATION_INVALID',
  'INVITATION_FOR_ANOTHER_EMAIL',
  'SHARE_LINK_INVALID',
  'ROUND_CODE_INVALID',
  'ROUND_TOKEN_INVALID',
  'ROUND_CLOSED',
  'ROUND_FULL',
  'LAST_OWNER',
  'RESTORE_UNAVAILABLE',
  'QUERY_TOO_LARGE',
  'BODY_TOO_LARGE',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ANALYSES',
  'ANALYSIS_TOO_LARGE',
  'ANALYSIS_BUSY',
  'REPORT_TOO_LARGE',
]);
const KNOWN_REASONS = new Set([
  'REQUIRED',
  'INVALID',
  'TOO_LONG',
  'UNKNOWN_REFERENCE',
  'OTHER_SCENARIO',
  'SELF_LINK',
  'DUPLICATE',
  'UNKNOWN_LEVEL',
  'LEVEL_IN_USE',
  'COUPLING_CONTRADICTS_RATINGS',
  'COUPLING_REQUIRED',
  'SCENARIO_RULE',
  'CYCLE',
]);

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('INTERNAL', error instanceof Error ? error.message : String(error));
}

/** What went wrong and what to do, in the user's language; unknown codes fall back to INTERNAL. */
export function errorText(t: TFunction, error: unknown): string {
  const code = asApiError(error).code;
  return t(`errors.${KNOWN_CODES.has(code) ? code : 'INTERNAL'}` as 'errors.INTERNAL');
}

export function reasonText(t: TFunction, reason: string): string {
  return KNOWN_REASONS.has(reason) ? t(`reasons.${reason}` as 'reasons.INVALID') : t('reasons.INVALID');
}

/** Field → translated reason, for showing each refusal beside its input. Paths keep their last part. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of asApiError(error).issues) {
    const field =
      issue.field
        .split('.')
        .at(-1)
        ?.replace(/\[\d+\]$/, '') ?? issue.field;
    out[field] ??= reasonText(t, issue.reason);
  }
  return out;
}
