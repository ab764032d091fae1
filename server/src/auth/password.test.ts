import { describe, expect, it } from 'vitest';

import { readPasswordHashCost } from '../config/config.ts';
import { checkPasswordStrength, hashPassword, oneTimePassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('hashes with scrypt N=2^15, r=8, p=1 and a 16-byte salt, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery', 15);
    const [scheme, n, r, p, salt] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  });

  it('hashes at PASSWORD_HASH_COST, and verifies a hash made at another cost by the cost it names', async () => {
    const configured = readPasswordHashCost();
    const [, n] = (await hashPassword('correct horse battery')).split('$');
    expect(n).toBe(String(2 ** configured));
    const other = await hashPassword('correct horse battery', configured === 15 ? 14 : 15);
    expect(await verifyPassword('correct horse battery', other)).toBe(true);
    expect(await verifyPassword('correct horse batterY', other)).toBe(false);
  });

  it('treats a malformed stored hash as a mismatch', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('refuses short passwords and makes long one-time ones', () => {
    expect(() => checkPasswordStrength('short')).toThrow(/too short/);
    // Many draws, since a separator-like letter in the alphabet would only show now and then.
    for (let draw = 0; draw < 200; draw += 1) {
      expect(oneTimePassword()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    }
  });
});
