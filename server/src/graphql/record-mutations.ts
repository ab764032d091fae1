import type { MutationResolvers } from '@kopplingskartan/schema/generated';

import type { RecordKind } from '../domain/records.ts';
import { createRecord, deleteRecord, updateRecord } from '../editing/record-commands.ts';
import { auditOf, authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';

type Input = Parameters<typeof createRecord>[2];

/**
 * `createX`, `updateX` and `deleteX` for one record kind: each checks that the caller is an
 * editor of the organisation the input names, then hands the input to the editing commands,
 * which hold every rule. The store is scoped by that organisation, so a record id of another
 * organisation is NOT_FOUND. `prepare` adapts an API input the commands cannot take as it is
 * (after the caller is authorised, so it may read the organisation's data).
 */
export function recordMutations<K extends RecordKind>(
  kind: K,
  prepare: <I extends Input>(input: I, ctx: GraphQLContext) => I | Promise<I> = (i) => i,
) {
  const name = kind.charAt(0).toUpperCase() + kind.slice(1);
  return {
    [`create${name}`]: async (_: unknown, args: { input: Input }, ctx: GraphQLContext) => {
      await authorizeOrganisation(ctx, args.input.organisationId, 'EDITOR');
      return { [kind]: await createRecord(ctx.store, kind, await prepare(args.input, ctx), auditOf(ctx)) };
    },
    [`update${name}`]: async (_: unknown, args: { input: Input & { id: string } }, ctx: GraphQLContext) => {
      await authorizeOrganisation(ctx, args.input.organisationId, 'EDITOR');
      return { [kind]: await updateRecord(ctx.store, kind, await prepare(args.input, ctx), auditOf(ctx)) };
    },
    [`delete${name}`]: async (_: unknown, args: { organisationId: string; id: string }, ctx: GraphQLContext) => {
      await authorizeOrganisation(ctx, args.organisationId, 'EDITOR');
      return { deletedId: await deleteRecord(ctx.store, kind, args.organisationId, args.id, auditOf(ctx)) };
    },
    // The names are built at run time, so TypeScript cannot match them to the generated
    // signatures; the schema still checks every argument and result.
  } as unknown as MutationResolvers<GraphQLContext>;
}
