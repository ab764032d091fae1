import { hashToken, newToken } from '../auth/tokens.ts';
import { DomainError, invalidInput, notFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Presentation } from '../domain/records.ts';
import type { AccountStore, ShareLink } from '../store/account-store.ts';
import type { GraphStore } from '../store/graph-store.ts';

/**
 * Share links: a random token (256 bits, shown once) that opens one presentation, as its
 * audience sees it, to whoever holds it. Only its hash is stored; it can be revoked and may expire.
 */

export type ShareLinkState = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

export function shareLinkState(link: Pick<ShareLink, 'revokedAt' | 'expiresAt'>, now: Date): ShareLinkState {
  if (link.revokedAt) return 'REVOKED';
  if (link.expiresAt && Date.parse(link.expiresAt) <= now.getTime()) return 'EXPIRED';
  return 'ACTIVE';
}

async function requirePresentation(store: GraphStore, organisationId: string, id: string): Promise<Presentation> {
  const [presentation] = await store.getRecords('presentation', organisationId, [id]);
  if (!presentation) throw notFound('presentation', id);
  return presentation;
}

/** An ISO 8601 instant after `now`, normalised; null for no expiry. */
function parseExpiry(expiresAt: string | null | undefined, now: Date): string | null {
  if (expiresAt === null || expiresAt === undefined || expiresAt === '') return null;
  const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(expiresAt) ? Date.parse(expiresAt) : NaN;
  if (Number.isNaN(time)) {
    throw invalidInput([
      { field: 'expiresAt', reason: 'INVALID', value: expiresAt, message: 'a date (YYYY-MM-DD) or an ISO 8601 time' },
    ]);
  }
  if (time <= now.getTime()) {
    throw invalidInput([
      { field: 'expiresAt', reason: 'INVALID', value: expiresAt, message: 'must lie in the future' },
    ]);
  }
  return new Date(time).toISOString();
}

export interface NewShareLink {
  organisationId: string;
  presentationId: string;
  createdBy: string | null;
  expiresAt?: string | null;
}

/**
 * @returns the stored link and its token (the only time the token is seen).
 * @throws DomainError NOT_FOUND for a presentation of another organisation, BAD_USER_INPUT for a bad expiry.
 */
export async function createShareLink(
  store: GraphStore,
  accounts: AccountStore,
  input: NewShareLink,
  now = new Date(),
): Promise<{ shareLink: ShareLink; token: string }> {
  await requirePresentation(store, input.organisationId, input.presentationId);
  const token = newToken();
  const shareLink: ShareLink = {
    id: newId('share'),
    tokenHash: hashToken(token),
    organisationId: input.organisationId,
    presentationId: input.presentationId,
    createdBy: input.createdBy,
    createdAt: now.toISOString(),
    expiresAt: parseExpiry(input.expiresAt, now),
    revokedAt: null,
  };
  await accounts.createShareLink(shareLink);
  return { shareLink, token };
}

/** @throws DomainError NOT_FOUND when the organisation has no such link. */
export async function revokeShareLink(
  accounts: AccountStore,
  organisationId: string,
  id: string,
  now = new Date(),
): Promise<ShareLink> {
  const link = await accounts.revokeShareLink(organisationId, id, now.toISOString());
  if (!link) throw notFound('shareLink', id);
  return link;
}

/**
 * Revokes every link of a deleted presentation: ids can be given by the client, so a new
 * presentation under the old id must not be opened by the old links.
 */
export async function revokeShareLinksOf(
  accounts: AccountStore,
  organisationId: string,
  presentationId: string,
  now = new Date(),
): Promise<void> {
  for (const link of await accounts.listShareLinks(organisationId, presentationId)) {
    if (!link.revokedAt) await accounts.revokeShareLink(organisationId, link.id, now.toISOString());
  }
}

/**
 * The link a token opens and its presentation.
 * @throws DomainError SHARE_LINK_INVALID for an unknown, revoked or expired token, or a deleted presentation.
 */
export async function openShareLink(
  store: GraphStore,
  accounts: AccountStore,
  token: string,
  now = new Date(),
): Promise<{ link: ShareLink; presentation: Presentation }> {
  const link = token ? await accounts.findShareLink(hashToken(token)) : null;
  const invalid = (state: ShareLinkState | 'UNKNOWN') =>
    new DomainError('SHARE_LINK_INVALID', `This share link is not valid (${state.toLowerCase()}).`, { state });
  if (!link) throw invalid('UNKNOWN');
  const state = shareLinkState(link, now);
  if (state !== 'ACTIVE') throw invalid(state);
  const [presentation] = await store.getRecords('presentation', link.organisationId, [link.presentationId]);
  if (!presentation) throw invalid('UNKNOWN');
  return { link, presentation };
}
