/**
 * The link an invitee opens. The token travels in the fragment, which browsers never send to a
 * server, so it stays out of access logs and Referer headers.
 */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invite#${encodeURIComponent(token)}`;
}

/** The token of an invitation link's fragment (`#abc…`), or null. */
export function tokenFromHash(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
