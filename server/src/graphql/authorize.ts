import { requireAdmin, requireRole, requireViewer, type Role, type Viewer } from '../auth/roles.ts';
import type { Audit } from '../editing/history.ts';
import type { GraphQLContext } from './context.ts';

/**
 * What resolvers call before they touch the store. Signed-out callers are refused with
 * UNAUTHENTICATED before any lookup; administrators pass as owners of every organisation.
 *
 * For resolvers outside this folder's ownership (analysis, io): call
 * `await authorizeOrganisation(ctx, organisationId, 'VIEWER')` first thing.
 * @returns the caller's effective role in the organisation.
 */
export async function authorizeOrganisation(
  ctx: Pick<GraphQLContext, 'viewer' | 'membershipIn'>,
  organisationId: string,
  needed: Role,
): Promise<Role> {
  const viewer = requireViewer(ctx.viewer);
  const membership = viewer.isAdmin ? null : await ctx.membershipIn(organisationId);
  return requireRole(viewer, membership, needed, organisationId);
}

export function authorizeSignedIn(ctx: Pick<GraphQLContext, 'viewer'>): Viewer {
  return requireViewer(ctx.viewer);
}

export function authorizeAdmin(ctx: Pick<GraphQLContext, 'viewer'>): Viewer {
  return requireAdmin(ctx.viewer);
}

/** The history attribution of the caller's edits. */
export function auditOf(ctx: Pick<GraphQLContext, 'changeLog' | 'viewer'>): Audit {
  return { log: ctx.changeLog, userId: ctx.viewer?.userId ?? null };
}
