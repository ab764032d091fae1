import type { FastifyBaseLogger, FastifyReply } from 'fastify';

import type { AnalysisRunner } from '../analysis-pool/analysis-runner.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { Role, Viewer } from '../auth/roles.ts';
import type { ChangeLog } from '../editing/history.ts';
import type { ImportLimits } from '../io/import-limits.ts';
import type { SessionCookie } from '../plugins/auth.ts';
import type { PresenterStates } from '../presenting/presenter-states.ts';
import type { RoundServices } from '../rounds/round-commands.ts';
import type { AccountStore } from '../store/account-store.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { LiveSockets } from './live-sockets.ts';

/** What every resolver receives; built per request by plugins/graphql.ts. */
export interface GraphQLContext {
  store: GraphStore;
  accounts: AccountStore;
  changeLog: ChangeLog;
  /** The signed-in user, or null. */
  viewer: Viewer | null;
  /** The current session's token hash (to end it at logout, or keep it at a password change). */
  sessionTokenHash: string | null;
  /** The client address (login throttling). */
  address: string;
  reply: FastifyReply;
  sessionCookie: SessionCookie;
  loginThrottle: LoginThrottle;
  /**
   * The viewer's membership role in an organisation, read once per request and organisation.
   * On the WebSocket the context lives as long as the socket: subscriptions use `authorizeLive`.
   */
  membershipIn(organisationId: string): Promise<Role | null>;
  presenterStates: PresenterStates;
  /** What an imported document may hold (importOrganisation). */
  importLimits: ImportLimits;
  /** The WebSockets open with a session, to close when it ends or access is withdrawn. */
  liveSockets: LiveSockets;
  log: FastifyBaseLogger;
  /** Runs analyses off the event loop, cached and within limits. */
  analyses: AnalysisRunner;
  /** Perception rounds: their store, limits, rate windows and the announcer of new answers. */
  rounds: RoundServices;
  /** Mercurius' publish/subscribe, added to every context by Mercurius itself. */
  pubsub: {
    publish(event: { topic: string; payload: unknown }): unknown;
    subscribe(topic: string): Promise<AsyncIterable<unknown>>;
  };
}

/** A per-request cache of the viewer's memberships, so nested fields re-check cheaply. */
export function membershipLoader(
  accounts: AccountStore,
  viewer: Viewer | null,
): (organisationId: string) => Promise<Role | null> {
  const cache = new Map<string, Promise<Role | null>>();
  return (organisationId) => {
    if (!viewer) return Promise.resolve(null);
    let role = cache.get(organisationId);
    if (!role) {
      role = accounts.getRole(viewer.userId, organisationId);
      cache.set(organisationId, role);
    }
    return role;
  };
}
