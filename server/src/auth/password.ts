import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

import { readPasswordHashCost } from '../config/config.ts';
import { DomainError } from '../domain/errors.ts';

/**
 * Password hashing with scrypt (memory-hard, built into Node, so no native build). The stored
 * string names its parameters, `scrypt$N$r$p$salt$hash`, so the cost can be changed later
 * without invalidating existing hashes. The cost is read when first needed, after readConfig
 * has refused a bad value with the other settings.
 */
let configuredCost: number | undefined;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128·N·r bytes of memory (32 MiB at the defaults): more than scrypt's default maxmem allows.
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** @throws DomainError BAD_USER_INPUT when the password is too short or too long. */
export function checkPasswordStrength(password: string, field = 'password'): void {
  const reason =
    password.length < PASSWORD_MIN_LENGTH ? 'too short' : password.length > PASSWORD_MAX_LENGTH ? 'too long' : null;
  if (reason) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field}: ${reason} (${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters)`,
      {
        field,
        reason: password.length < PASSWORD_MIN_LENGTH ? 'INVALID' : 'TOO_LONG',
      },
    );
  }
}

/** @param cost log2 of scrypt's N; PASSWORD_HASH_COST unless given. */
export async function hashPassword(
  password: string,
  cost = (configuredCost ??= readPasswordHashCost()),
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const N = 2 ** cost;
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison; false for a malformed stored hash rather than an error. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a random password nobody knows: verified against when an email is unknown, so a
 * failed login takes as long for an unknown address as for a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64'));
  return decoy;
}

/**
 * Crockford's base32 letters: no I, L, O or U to misread, and no `-`, so the group separator
 * can never be mistaken for part of the password. 256 is a multiple of 32: no modulo bias.
 */
const READABLE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ONE_TIME_LENGTH = 25; // 5 bits each: 125 bits

/** A readable one-time password for the first administrator, in groups of five. */
export function oneTimePassword(): string {
  const letters = [...randomBytes(ONE_TIME_LENGTH)].map((byte) => READABLE_ALPHABET[byte % 32]);
  return letters.join('').replace(/(.{5})(?!$)/g, '$1-');
}
