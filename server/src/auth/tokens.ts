import { createHash, randomBytes } from 'node:crypto';

/**
 * Session and invitation tokens: 256 random bits given to the client once; the database keeps
 * only their SHA-256, so a leaked database copy holds no usable session.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const SESSION_COOKIE = 'kk_session';
