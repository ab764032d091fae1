import { describe, expect, it } from 'vitest';

import { canSeeConfidential, requireRole, type Role, ROLES, type Viewer } from './roles.ts';

const member: Viewer = { userId: 'u', email: 'u@x', isAdmin: false, mustChangePassword: false };
const admin: Viewer = { ...member, isAdmin: true };

function code(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('requireRole', () => {
  const NEEDED: Role[] = ['AUDIENCE', 'VIEWER', 'EDITOR', 'OWNER'];
  it.each(ROLES)('a %s passes exactly the roles at or below it', (held) => {
    const passes = NEEDED.filter((needed) => code(() => requireRole(member, held, needed)) === null);
    expect(passes).toEqual(NEEDED.slice(0, NEEDED.indexOf(held) + 1));
  });

  it('refuses the signed-out, non-members and one-time passwords; lets administrators through', () => {
    expect(code(() => requireRole(null, 'OWNER', 'AUDIENCE'))).toBe('UNAUTHENTICATED');
    expect(code(() => requireRole(member, null, 'AUDIENCE'))).toBe('FORBIDDEN');
    expect(code(() => requireRole({ ...admin, mustChangePassword: true }, null, 'VIEWER'))).toBe(
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect(requireRole(admin, null, 'OWNER')).toBe('OWNER');
  });

  it('hides confidential content from the audience only', () => {
    expect(ROLES.filter(canSeeConfidential)).toEqual(['OWNER', 'EDITOR', 'VIEWER']);
    expect(canSeeConfidential(null)).toBe(false);
  });
});
