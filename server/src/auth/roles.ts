import { DomainError } from '../domain/errors.ts';

/**
 * Roles a user holds in one organisation, strongest first. AUDIENCE is the presentation
 * audience: it sees an anonymised map without confidential content, nothing else.
 */
export const ROLES = ['OWNER', 'EDITOR', 'VIEWER', 'AUDIENCE'] as const;
export type Role = (typeof ROLES)[number];

const RANK: { readonly [R in Role]: number } = { OWNER: 3, EDITOR: 2, VIEWER: 1, AUDIENCE: 0 };

/** The signed-in person as the API sees them (null when signed out). */
export interface Viewer {
  userId: string;
  email: string;
  isAdmin: boolean;
  /** Set for a one-time password: nothing but changePassword, me and logout is allowed until it is changed. */
  mustChangePassword: boolean;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasRole(held: Role | null, needed: Role): boolean {
  return held !== null && RANK[held] >= RANK[needed];
}

/** Administrators act as owners of every organisation; everyone else has their membership's role. */
export function effectiveRole(viewer: Viewer | null, membership: Role | null): Role | null {
  if (!viewer) return null;
  return viewer.isAdmin ? 'OWNER' : membership;
}

/** Confidential links and perceptions, person names and free-text notes are hidden from the audience. */
export function canSeeConfidential(role: Role | null): boolean {
  return hasRole(role, 'VIEWER');
}

/**
 * How much of an organisation's map a role sees: all of it, or the audience's map (redact.ts).
 * Every field a map query reaches is gated at AUDIENCE or VIEWER, so these are the only two
 * answers a map query has for callers who may read it (the map read cache keys on this): a
 * field under the map gated at a higher role would have to be told apart here.
 */
export type MapView = 'FULL' | 'AUDIENCE';

export function mapView(role: Role): MapView {
  return canSeeConfidential(role) ? 'FULL' : 'AUDIENCE';
}

export function unauthenticated(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'Sign in first.');
}

/**
 * @throws DomainError UNAUTHENTICATED when signed out, PASSWORD_CHANGE_REQUIRED while a
 *   one-time password is in use.
 */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  if (viewer.mustChangePassword) {
    throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Change the one-time password before doing anything else.');
  }
  return viewer;
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const signedIn = requireViewer(viewer);
  if (!signedIn.isAdmin) throw new DomainError('FORBIDDEN', 'Only an administrator may do this.', { needed: 'ADMIN' });
  return signedIn;
}

/**
 * The policy every organisation-scoped operation passes before it touches the store.
 * A non-member is refused with FORBIDDEN whether or not the organisation exists, so ids of
 * other organisations reveal nothing.
 * @returns the caller's effective role.
 */
export function requireRole(
  viewer: Viewer | null,
  membership: Role | null,
  needed: Role,
  organisationId?: string,
): Role {
  const signedIn = requireViewer(viewer);
  const role = effectiveRole(signedIn, membership);
  if (!hasRole(role, needed)) {
    throw new DomainError('FORBIDDEN', `This needs the ${needed} role in the organisation.`, {
      needed,
      ...(organisationId ? { id: organisationId, kind: 'organisation' } : {}),
      ...(role ? { role } : {}),
    });
  }
  return role as Role;
}
