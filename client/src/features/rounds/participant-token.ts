/**
 * A participant's token per round code, kept in this browser's localStorage so that reopening the
 * link brings back their answers. It identifies no person; clearing the browser forgets it.
 */
const key = (code: string) => `kk:round:${code.toUpperCase()}`;

export const participantTokens = {
  get: (code: string): string | null => localStorage.getItem(key(code)),
  set: (code: string, token: string): void => localStorage.setItem(key(code), token),
  forget: (code: string): void => localStorage.removeItem(key(code)),
};

/** The round code in a participant link (/r/<code>), or null. */
export function roundCodeOf(pathname: string): string | null {
  const match = /^\/r\/([A-Za-z0-9-]{4,12})\/?$/.exec(pathname);
  return match ? match[1]!.toUpperCase() : null;
}

/** The link participants open for a round. */
export function participantUrl(origin: string, code: string): string {
  return `${origin}/r/${code}`;
}
