import { describe, expect, it } from 'vitest';

import { expiryFromDateInput, shareLinkState, shareUrl } from './share-links.ts';

describe('share links', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  it('tells active, revoked and expired apart; revoked wins', () => {
    expect(shareLinkState({ active: true, revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(shareLinkState({ active: true, revokedAt: null, expiresAt: '2025-04-01T00:00:00Z' }, now)).toBe('active');
    expect(shareLinkState({ active: false, revokedAt: null, expiresAt: '2025-03-01T00:00:00Z' }, now)).toBe('expired');
    expect(
      shareLinkState({ active: false, revokedAt: '2025-03-02T00:00:00Z', expiresAt: '2025-03-01T00:00:00Z' }, now),
    ).toBe('revoked');
  });
  it('builds the link to give out', () => {
    expect(shareUrl('https://karta.example.org/', 'abc_DEF-123')).toBe('https://karta.example.org/share/abc_DEF-123');
  });
  it('reads a date input as the end of that day, or no expiry', () => {
    const iso = expiryFromDateInput('2030-05-17');
    expect(iso && new Date(iso).getDate()).toBe(17);
    expect(iso && new Date(iso).getHours()).toBe(23);
    expect(expiryFromDateInput('')).toBeNull();
  });
});
