import type { Resolvers } from '@kopplingskartan/schema/generated';

import {
  acceptInvitation,
  changePassword,
  createUser,
  findInvitation,
  invite,
  login,
  removeMember,
  setInvitationPassword,
  setMember,
} from '../auth/account-commands.ts';
import { requireViewer, unauthenticated } from '../auth/roles.ts';
import { diffContents } from '../domain/contents-diff.ts';
import { notFound } from '../domain/errors.ts';
import { organisationAsOf } from '../editing/history.ts';
import { restoreOrganisation } from '../editing/organisation-commands.ts';
import { auditOf, authorizeAdmin, authorizeOrganisation, authorizeSignedIn } from './authorize.ts';
import type { GraphQLContext } from './context.ts';
import { toConnection } from './connection.ts';

function entryId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound('history entry', value);
  return id;
}

export const accountResolvers: Resolvers<GraphQLContext> = {
  Query: {
    me: (_, __, { viewer, accounts }) => (viewer ? accounts.getUser(viewer.userId) : null),
    users: async (_, { first, after }, ctx) => {
      authorizeAdmin(ctx);
      return toConnection(await ctx.accounts.listUsers({ first: first ?? 50, after }));
    },
    members: async (_, { organisationId }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'OWNER');
      return ctx.accounts.listMembers(organisationId);
    },
    history: async (_, { organisationId, first, after, recordId, userId }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'VIEWER');
      return toConnection(
        await ctx.accounts.listHistory(organisationId, { first: first ?? 50, after }, { recordId, userId }),
      );
    },
    restorePreview: async (_, { organisationId, historyEntryId }, ctx) => {
      authorizeAdmin(ctx);
      const id = entryId(historyEntryId);
      const entry = await ctx.accounts.getHistoryEntry(organisationId, id);
      if (!entry) throw notFound('history entry', historyEntryId);
      const [then, now, undone] = await Promise.all([
        organisationAsOf(ctx.accounts, organisationId, id),
        ctx.store.readOrganisation(organisationId),
        ctx.accounts.listHistory(organisationId, { first: 20 }, { afterId: id }),
      ]);
      if (!now) throw notFound('organisation', organisationId);
      const diff = diffContents(now, then);
      return {
        entry,
        undoneCount: undone.totalCount,
        undone: undone.nodes,
        isOrganisationChanged: diff.isOrganisationChanged,
        changes: diff.kinds,
      };
    },
    invitation: async (_, { token }, ctx) => {
      const found = await findInvitation(ctx.accounts, token);
      const organisation = found && (await ctx.store.getOrganisation(found.invitation.organisationId));
      if (!found || !organisation) return null;
      return { ...found.invitation, organisationName: organisation.name, state: found.state };
    },
  },
  Mutation: {
    login: async (_, { email, password }, ctx) => {
      const session = await login(ctx.accounts, ctx.loginThrottle, {
        email,
        password,
        address: ctx.address,
        ttlHours: ctx.sessionCookie.ttlHours,
      });
      // A session that came with the request is replaced, not left behind.
      if (ctx.sessionTokenHash) await ctx.accounts.deleteSession(ctx.sessionTokenHash);
      ctx.sessionCookie.set(ctx.reply, session.token, session.expiresAt);
      return { user: session.user, expiresAt: session.expiresAt.toISOString() };
    },
    logout: async (_, __, ctx) => {
      if (ctx.sessionTokenHash) {
        await ctx.accounts.deleteSession(ctx.sessionTokenHash);
        ctx.liveSockets.closeSession(ctx.sessionTokenHash);
      }
      ctx.sessionCookie.clear(ctx.reply);
      return true;
    },
    logoutEverywhere: async (_, __, ctx) => {
      // Not requireViewer: someone who fears a stolen session may act before changing a one-time password.
      if (!ctx.viewer) throw unauthenticated();
      await ctx.accounts.deleteSessionsOf(ctx.viewer.userId);
      ctx.liveSockets.closeOtherSessions(ctx.viewer.userId, null);
      ctx.sessionCookie.clear(ctx.reply);
      return true;
    },
    changePassword: async (_, { currentPassword, newPassword }, ctx) => {
      // Not requireViewer: this is the one thing a one-time password may do.
      if (!ctx.viewer) throw unauthenticated();
      const user = await changePassword(ctx.accounts, ctx.loginThrottle, {
        userId: ctx.viewer.userId,
        sessionTokenHash: ctx.sessionTokenHash,
        currentPassword,
        newPassword,
        address: ctx.address,
      });
      ctx.liveSockets.closeOtherSessions(user.id, ctx.sessionTokenHash);
      return user;
    },
    createUser: (_, { input }, ctx) => {
      authorizeAdmin(ctx);
      return createUser(ctx.accounts, input);
    },
    invite: async (_, { organisationId, email, role }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'OWNER');
      if (!(await ctx.store.getOrganisation(organisationId))) throw notFound('organisation', organisationId);
      const { token, invitation } = await invite(ctx.accounts, {
        organisationId,
        email,
        role,
        invitedBy: requireViewer(ctx.viewer).userId,
      });
      return { ...invitation, token };
    },
    setInvitationPassword: async (_, { token, password, displayName }, ctx) => {
      await setInvitationPassword(ctx.accounts, ctx.loginThrottle, {
        token,
        password,
        displayName,
        address: ctx.address,
      });
      return true;
    },
    acceptInvitation: (_, { token }, ctx) => {
      const viewer = authorizeSignedIn(ctx);
      return acceptInvitation(ctx.accounts, { token, userId: viewer.userId, email: viewer.email });
    },
    setMember: async (_, { organisationId, email, role }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'OWNER');
      if (!(await ctx.store.getOrganisation(organisationId))) throw notFound('organisation', organisationId);
      return setMember(ctx.accounts, { organisationId, email, role });
    },
    removeMember: async (_, { organisationId, userId }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'OWNER');
      const isRemoved = await removeMember(ctx.accounts, { organisationId, userId });
      if (isRemoved) ctx.liveSockets.closeUser(userId);
      return isRemoved;
    },
    restoreOrganisation: async (_, { organisationId, historyEntryId }, ctx) => {
      authorizeAdmin(ctx);
      const id = entryId(historyEntryId);
      if (!(await ctx.accounts.getHistoryEntry(organisationId, id))) throw notFound('history entry', historyEntryId);
      return restoreOrganisation(ctx.store, ctx.accounts, organisationId, id, auditOf(ctx));
    },
  },
  User: {
    memberships: (user, _, ctx) => {
      // Only one's own memberships, unless an administrator asks.
      if (ctx.viewer?.userId !== user.id && !ctx.viewer?.isAdmin) return [];
      return ctx.accounts.listMemberships(user.id);
    },
  },
  Membership: {
    organisation: (membership, _, { store }) => store.getOrganisation(membership.organisationId),
  },
  HistoryEntry: {
    id: (entry) => String(entry.id),
    user: (entry, _, { accounts }) => (entry.userId ? accounts.getUser(entry.userId) : null),
  },
};
