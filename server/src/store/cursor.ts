/** Cursors are the last id of a page, base64url-encoded so that clients treat them as opaque. */
export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  return cursor ? Buffer.from(cursor, 'base64url').toString('utf8') : null;
}

export const MAX_PAGE_SIZE = 1000;

/** Clamps a requested page size to 1…MAX_PAGE_SIZE. */
export function pageSize(first: number): number {
  return Math.min(Math.max(Math.trunc(first) || 1, 1), MAX_PAGE_SIZE);
}
