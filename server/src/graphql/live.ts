import { requireRole, type Role } from '../auth/roles.ts';
import { sessionViewer } from '../auth/session-viewer.ts';
import { DomainError } from '../domain/errors.ts';
import type { GraphQLContext } from './context.ts';

/**
 * Live subscriptions over the WebSocket. Its context is made once, when the socket opens, so the
 * viewer in it may have signed out or lost their membership since: access is read afresh from
 * the store at the start of every subscription and before every event it sends.
 */

/** The caller's role in the organisation as of now, from the session and membership as stored now. */
export async function authorizeLive(
  ctx: Pick<GraphQLContext, 'accounts' | 'sessionTokenHash'>,
  organisationId: string,
  needed: Role,
): Promise<Role> {
  const viewer = ctx.sessionTokenHash ? await sessionViewer(ctx.accounts, ctx.sessionTokenHash) : null;
  const membership = viewer && !viewer.isAdmin ? await ctx.accounts.getRole(viewer.userId, organisationId) : null;
  return requireRole(viewer, membership, needed, organisationId);
}

/** A refusal passes as it is; anything unexpected is logged and answered as INTERNAL, never shown. */
async function guarded<T>(ctx: Pick<GraphQLContext, 'log'>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    ctx.log.error({ err: error }, 'unexpected error in a subscription');
    throw new DomainError('INTERNAL', 'Internal error; it has been logged.');
  }
}

/**
 * A subscription's `subscribe`: `authorize` checks access and names the topic, at the start and
 * again before every event; a refusal ends the subscription with its error (UNAUTHENTICATED,
 * FORBIDDEN, SHARE_LINK_INVALID …), so the follower hears why it stopped.
 */
export function liveSubscription<Args>(authorize: (args: Args, ctx: GraphQLContext) => Promise<string>) {
  return async function* (_root: unknown, args: Args, ctx: GraphQLContext): AsyncGenerator<unknown> {
    const topic = await guarded(ctx, () => authorize(args, ctx));
    for await (const event of await ctx.pubsub.subscribe(topic)) {
      await guarded(ctx, () => authorize(args, ctx));
      yield event;
    }
  };
}
