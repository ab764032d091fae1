import { DomainError } from '../domain/errors.ts';

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normaliseEmail(value: string, field = 'email'): string {
  const email = value.trim().toLowerCase();
  // Deliberately loose: one @, something on each side, no spaces. Delivery is not our concern.
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new DomainError('BAD_USER_INPUT', `${field}: not an email address`, { field, reason: 'INVALID', value });
  }
  return email;
}
