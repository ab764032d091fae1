import { describe, expect, it } from 'vitest';

import { canEdit, roleIn } from './map-store.ts';

describe('the viewer’s role', () => {
  const me = {
    isAdmin: false,
    memberships: [
      { organisationId: 'kommunby', role: 'EDITOR' as const },
      { organisationId: 'friskola', role: 'VIEWER' as const },
    ],
  };

  it('is the membership in this organisation; administrators act as owners everywhere', () => {
    expect(roleIn(me, 'kommunby')).toBe('EDITOR');
    expect(roleIn(me, 'friskola')).toBe('VIEWER');
    expect(roleIn(me, 'other')).toBeNull();
    expect(roleIn({ isAdmin: true, memberships: [] }, 'other')).toBe('OWNER');
    expect(roleIn(null, 'kommunby')).toBeNull();
  });

  it('lets owners and editors change the map, not viewers or the audience', () => {
    expect(canEdit('OWNER')).toBe(true);
    expect(canEdit('EDITOR')).toBe(true);
    expect(canEdit('VIEWER')).toBe(false);
    expect(canEdit('AUDIENCE')).toBe(false);
    expect(canEdit(null)).toBe(false);
  });
});
