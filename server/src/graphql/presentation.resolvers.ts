import type { Resolvers } from '@kopplingskartan/schema/generated';

import { hasRole } from '../auth/roles.ts';
import { invalidInput, notFound } from '../domain/errors.ts';
import type { Presentation } from '../domain/records.ts';
import { allRecords } from '../editing/read-map.ts';
import { deleteRecord } from '../editing/record-commands.ts';
import { type PresenterState, presenterTopic } from '../presenting/presenter-states.ts';
import { buildPresentationShow } from '../presenting/presentation-show.ts';
import {
  createShareLink,
  openShareLink,
  revokeShareLink,
  revokeShareLinksOf,
  shareLinkState,
} from '../presenting/share-links.ts';
import { withPresentationSteps } from '../presenting/step-input.ts';
import { auditOf, authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';
import { recordMutations } from './record-mutations.ts';

async function requirePresentation(ctx: GraphQLContext, organisationId: string, id: string): Promise<Presentation> {
  const [presentation] = await ctx.store.getRecords('presentation', organisationId, [id]);
  if (!presentation) throw notFound('presentation', id);
  return presentation;
}

async function show(ctx: GraphQLContext, presentation: Presentation, canPresent: boolean) {
  return {
    ...(await buildPresentationShow(ctx.store, presentation)),
    live: ctx.presenterStates.get(presentation.organisationId, presentation.id),
    canPresent,
  };
}

/** A presenter move is published as the state itself, for both subscription fields. */
const asMoved = (state: PresenterState) => state;

export const presentationResolvers: Resolvers<GraphQLContext> = {
  Query: {
    // Presentations are made to be shown: the audience role may read them (never confidential).
    presentations: async (_, { organisationId }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'AUDIENCE');
      return allRecords(ctx.store, 'presentation', organisationId);
    },
    presentation: async (_, { organisationId, id }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'AUDIENCE');
      return (await ctx.store.getRecords('presentation', organisationId, [id]))[0] ?? null;
    },
    presentationShow: async (_, { organisationId, id }, ctx) => {
      const role = await authorizeOrganisation(ctx, organisationId, 'AUDIENCE');
      const [presentation] = await ctx.store.getRecords('presentation', organisationId, [id]);
      return presentation ? show(ctx, presentation, hasRole(role, 'EDITOR')) : null;
    },
    sharedPresentation: async (_, { token }, ctx) => {
      const { presentation } = await openShareLink(ctx.store, ctx.accounts, token);
      return show(ctx, presentation, false);
    },
    shareLinks: async (_, { organisationId, presentationId }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'EDITOR');
      return ctx.accounts.listShareLinks(organisationId, presentationId);
    },
  },
  Mutation: {
    ...recordMutations('presentation', withPresentationSteps),
    deletePresentation: async (_, { organisationId, id }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'EDITOR');
      const deletedId = await deleteRecord(ctx.store, 'presentation', organisationId, id, auditOf(ctx));
      await revokeShareLinksOf(ctx.accounts, organisationId, id);
      return { deletedId };
    },
    createShareLink: async (_, { input }, ctx) => {
      await authorizeOrganisation(ctx, input.organisationId, 'EDITOR');
      return createShareLink(ctx.store, ctx.accounts, { ...input, createdBy: ctx.viewer?.userId ?? null });
    },
    revokeShareLink: async (_, { organisationId, id }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'EDITOR');
      const link = await revokeShareLink(ctx.accounts, organisationId, id);
      // Followers of the revoked link learn it at once: their next event is the refusal.
      const live = ctx.presenterStates.get(organisationId, link.presentationId) ?? {
        organisationId,
        presentationId: link.presentationId,
        stepIndex: 0,
        explore: false,
        presenting: false,
        at: new Date().toISOString(),
      };
      await ctx.pubsub.publish({ topic: presenterTopic(organisationId, link.presentationId), payload: live });
      return link;
    },
    setPresenterState: async (_, { input }, ctx) => {
      await authorizeOrganisation(ctx, input.organisationId, 'EDITOR');
      const presentation = await requirePresentation(ctx, input.organisationId, input.presentationId);
      if (input.stepIndex < 0 || input.stepIndex >= presentation.steps.length) {
        throw invalidInput([
          {
            field: 'stepIndex',
            reason: 'INVALID',
            value: input.stepIndex,
            message: `the presentation has ${presentation.steps.length} step(s): 0 to ${presentation.steps.length - 1}`,
          },
        ]);
      }
      const state: PresenterState = { ...input, presenting: input.presenting ?? true, at: new Date().toISOString() };
      ctx.presenterStates.set(state);
      await ctx.pubsub.publish({ topic: presenterTopic(input.organisationId, input.presentationId), payload: state });
      return state;
    },
  },
  Subscription: {
    presenterMoved: {
      subscribe: async (_, { token }, ctx) => {
        const { link } = await openShareLink(ctx.store, ctx.accounts, token);
        return ctx.pubsub.subscribe(presenterTopic(link.organisationId, link.presentationId));
      },
      // The token is checked again at every event, so a revoked or expired link gets the refusal
      // (SHARE_LINK_INVALID) instead of the presenter's position, and the viewer can say so.
      resolve: async (state: PresenterState, { token }: { token: string }, ctx: GraphQLContext) => {
        await openShareLink(ctx.store, ctx.accounts, token);
        return state;
      },
    },
    presenterMovedInOrganisation: {
      subscribe: async (_, { organisationId, presentationId }, ctx) => {
        await authorizeOrganisation(ctx, organisationId, 'AUDIENCE');
        await requirePresentation(ctx, organisationId, presentationId);
        return ctx.pubsub.subscribe(presenterTopic(organisationId, presentationId));
      },
      resolve: asMoved,
    },
  },
  ShareLink: {
    active: (link) => shareLinkState(link, new Date()) === 'ACTIVE',
  },
};
