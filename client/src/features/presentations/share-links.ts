import type { ShareLink } from './types.ts';

export type ShareLinkState = 'active' | 'revoked' | 'expired';

/** Revoked wins over expired: it was a decision, the expiry only a date. */
export function shareLinkState(
  link: Pick<ShareLink, 'active' | 'revokedAt' | 'expiresAt'>,
  now = new Date(),
): ShareLinkState {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && new Date(link.expiresAt).getTime() <= now.getTime()) return 'expired';
  return link.active ? 'active' : 'expired';
}

export function shareUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/share/${encodeURIComponent(token)}`;
}

/**
 * The expiry a date input means: the end of that day in the user's time zone, as ISO 8601; null
 * for an empty input. A date in the past is returned as is (the server refuses it with a reason).
 */
export function expiryFromDateInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  return end.toISOString();
}
