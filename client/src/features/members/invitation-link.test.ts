import { describe, expect, it } from 'vitest';

import { invitationLink, tokenFromHash } from './invitation-link.ts';

describe('invitation links', () => {
  it('carry the token in the fragment and read it back', () => {
    const link = invitationLink('https://karta.example.org', 'a+b/c=');
    expect(link).toBe('https://karta.example.org/invite#a%2Bb%2Fc%3D');
    expect(tokenFromHash(new URL(link).hash)).toBe('a+b/c=');
  });
  it('read no token from an empty or broken fragment', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('#%E0%A4%A')).toBeNull();
  });
});
