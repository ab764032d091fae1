import type { Resolvers } from '@kopplingskartan/schema/generated';

import { canSeeConfidential, hasRole, type Role } from '../auth/roles.ts';
import { invalidInput, notFound } from '../domain/errors.ts';
import type { Presentation } from '../domain/records.ts';
import { allRecords } from '../editing/read-map.ts';
import { deleteRecord } from '../editing/record-commands.ts';
import { type PresenterState, presenterTopic } from '../presenting/presenter-states.ts';
import { audienceView } from '../presenting/presentation-show.ts';
import {
  createShareLink,
  openShareLink,
  revokeShareLink,
  revokeShareLinksOf,
  shareLinkState,
} from '../presenting/share-links.ts';
import { withRoundSteps } from '../presenting/round-steps.ts';
import { withPresentationSteps } from '../presenting/step-input.ts';
import { auditOf, authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';
import { authorizeLive, liveSubscription } from './live.ts';
import { recordMutations } from './record-mutations.ts';
import { linkResultsType } from './round-types.ts';

async function requirePresentation(ctx: GraphQLContext, organisationId: string, id: string): Promise<Presentation> {
  const [presentation] = await ctx.store.getRecords('presentation', organisationId, [id]);
  if (!presentation) throw notFound('presentation', id);
  return presentation;
}

async function show(ctx: GraphQLContext, presentation: Presentation, canPresent: boolean) {
  const view = await audienceView(ctx.store, ctx.rounds.rounds, presentation.organisationId);
  const { rounds, ...shown } = await view.show(presentation);
  return {
    ...shown,
    rounds: rounds.map((round) => ({ ...round, links: linkResultsType(round.links) })),
    live: ctx.presenterStates.get(presentation.organisationId, presentation.id),
    canPresent,
  };
}

/** Presentations as the caller may read them: the audience role only ever as its audience sees them. */
async function readable(ctx: GraphQLContext, role: Role, organisationId: string, presentations: Presentation[]) {
  if (canSeeConfidential(role) || presentations.length === 0) return presentations;
  const view = await audienceView(ctx.store, ctx.rounds.rounds, organisationId);
  return Promise.all(presentations.map((presentation) => view.presentation(presentation)));
}

/** A presenter move is published as the state itself, for both subscription fields. */
const asMoved = (state: PresenterState) => state;

export const presentationResolvers: Resolvers<GraphQLContext> = {
  Query: {
    // Presentations are made to be shown: the audience role may read them, as their audience sees them.
    presentations: async (_, { organisationId }, ctx) => {
      const role = await authorizeOrganisation(ctx, organisationId, 'AUDIENCE');
      return readable(ctx, role, organisationId, await allRecords(ctx.store, 'presentation', organisationId));
    },
    presentation: async (_, { organisationId, id }, ctx) => {
      const role = await authorizeOrganisation(ctx, organisationId, 'AUDIENCE');
      const [presentation] = await readable(
        ctx,
        role,
        organisationId,
        await ctx.store.getRecords('presentation', organisationId, [id]),
      );
      return presentation ?? null;
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
    ...recordMutations('presentation', (input, ctx) => withRoundSteps(ctx.rounds.rounds, withPresentationSteps(input))),
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
      // The token is checked again before every move, so a revoked or expired link stops following.
      subscribe: liveSubscription(async ({ token }: { token: string }, ctx) => {
        const { link } = await openShareLink(ctx.store, ctx.accounts, token);
        return presenterTopic(link.organisationId, link.presentationId);
      }),
      resolve: asMoved,
    },
    presenterMovedInOrganisation: {
      subscribe: liveSubscription(
        async ({ organisationId, presentationId }: { organisationId: string; presentationId: string }, ctx) => {
          await authorizeLive(ctx, organisationId, 'AUDIENCE');
          await requirePresentation(ctx, organisationId, presentationId);
          return presenterTopic(organisationId, presentationId);
        },
      ),
      resolve: asMoved,
    },
  },
  ShareLink: {
    active: (link) => shareLinkState(link, new Date()) === 'ACTIVE',
  },
};
