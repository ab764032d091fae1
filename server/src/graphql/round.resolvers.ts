import type { Resolvers } from '@kopplingskartan/schema/generated';

import { isRoundOpen } from '../domain/round-rules.ts';
import { closeRound, openRound, releaseComment, requireRound, roundResultsView } from '../rounds/round-commands.ts';
import type { RoundResultsView } from '../rounds/round-commands.ts';
import { roundTopic } from '../rounds/round-notifier.ts';
import { answerRound, joinRound, participantRound, roundInvitation } from '../rounds/participation.ts';
import { auditOf, authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';
import { authorizeLive, liveSubscription } from './live.ts';
import { linkResultsType } from './round-types.ts';

function resultsType(view: RoundResultsView) {
  return { ...view, links: linkResultsType(view.links) };
}

/**
 * Owners and editors open, follow and close rounds; participants reach their round only through
 * its code and their token, which the participation commands check.
 */
export const roundResolvers: Resolvers<GraphQLContext> = {
  Query: {
    rounds: async (_, { organisationId }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'EDITOR');
      return ctx.rounds.rounds.listRounds(organisationId);
    },
    round: async (_, { organisationId, id }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'EDITOR');
      return ctx.rounds.rounds.getRound(organisationId, id);
    },
    roundResults: async (_, { organisationId, id }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'EDITOR');
      const round = await requireRound(ctx.rounds.rounds, organisationId, id);
      return resultsType(await roundResultsView(ctx.rounds, round));
    },
    roundInvitation: async (_, { code }, ctx) => roundInvitation(ctx.rounds, code),
    participantRound: async (_, { token }, ctx) => participantRound(ctx.rounds, token),
  },
  Mutation: {
    openRound: async (_, { input }, ctx) => {
      await authorizeOrganisation(ctx, input.organisationId, 'EDITOR');
      return openRound(ctx.rounds, input, ctx.viewer?.userId ?? null);
    },
    closeRound: async (_, { organisationId, id, lang }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'EDITOR');
      return closeRound(ctx.rounds, organisationId, id, lang === 'EN' ? 'en' : 'sv', auditOf(ctx));
    },
    releaseRoundComment: async (_, { organisationId, roundId, commentId, released }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'EDITOR');
      const round = await requireRound(ctx.rounds.rounds, organisationId, roundId);
      return releaseComment(ctx.rounds, round, commentId, released);
    },
    joinRound: async (_, { input }, ctx) => joinRound(ctx.rounds, input),
    answerRound: async (_, { input }, ctx) =>
      answerRound(ctx.rounds, {
        token: input.token,
        linkId: input.linkId,
        targetResponds: input.targetResponds ?? null,
        sourceResponds: input.sourceResponds ?? null,
        distinctive: input.distinctive ?? null,
        comment: input.comment ?? null,
      }),
  },
  Subscription: {
    roundResultsChanged: {
      // Access is read afresh before every event: a facilitator who lost the role stops receiving.
      subscribe: liveSubscription(async ({ organisationId, id }: { organisationId: string; id: string }, ctx) => {
        await authorizeLive(ctx, organisationId, 'EDITOR');
        await requireRound(ctx.rounds.rounds, organisationId, id);
        return roundTopic(organisationId, id);
      }),
      // The event only says that something changed; the results are counted now, from the store.
      resolve: async (
        _payload: unknown,
        { organisationId, id }: { organisationId: string; id: string },
        ctx: GraphQLContext,
      ) => resultsType(await roundResultsView(ctx.rounds, await requireRound(ctx.rounds.rounds, organisationId, id))),
    },
  },
  Round: {
    selection: ({ selection }) => ({
      kind: selection.kind,
      levelKeys: [...(selection.levelKeys ?? [])],
      unitId: selection.unitId ?? null,
      linkIds: [...(selection.linkIds ?? [])],
      linkKind: selection.linkKind ?? null,
    }),
    isOpen: (round) => isRoundOpen(round, new Date()),
    participantCount: (round, _, ctx) => ctx.rounds.rounds.countParticipants(round.id),
  },
};
