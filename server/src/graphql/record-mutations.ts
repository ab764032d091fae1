import type { MutationResolvers } from '@kopplingskartan/schema/generated';

import type { RecordKind } from '../domain/records.ts';
import type { Audit } from '../editing/history.ts';
import { createRecord, deleteRecord, updateRecord } from '../editing/record-commands.ts';
import { auditOf, authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';

type Input = Parameters<typeof createRecord>[2];

/**
 * `createX`, `updateX` and `deleteX` for one record kind: each checks that the caller is an
 * editor of the organisation the input names, then hands the input to the editing commands,
 * which hold every rule. The check's look-up overlaps the command's first reads (`Audit.permitted`):
 * on Neo4j each is a round trip. The store is scoped by that organisation, so a record id of
 * another organisation is NOT_FOUND. `prepare` adapts an API input the commands cannot take as it
 * is (after the caller is authorised, so it may read the organisation's data).
 */
export function recordMutations<K extends RecordKind>(
  kind: K,
  prepare?: <I extends Input>(input: I, ctx: GraphQLContext) => I | Promise<I>,
) {
  const name = kind.charAt(0).toUpperCase() + kind.slice(1);
  /** The caller's edit, its permission being checked meanwhile; `input` prepared once it holds. */
  async function editing<I extends Input>(ctx: GraphQLContext, input: I): Promise<{ input: I; audit: Audit }> {
    const permitted = authorizeOrganisation(ctx, input.organisationId, 'EDITOR');
    // Observed here too: a command that fails before awaiting it must not leave it unhandled.
    permitted.catch(() => undefined);
    if (!prepare) return { input, audit: { ...auditOf(ctx), permitted } };
    await permitted;
    return { input: await prepare(input, ctx), audit: auditOf(ctx) };
  }
  return {
    [`create${name}`]: async (_: unknown, args: { input: Input }, ctx: GraphQLContext) => {
      const { input, audit } = await editing(ctx, args.input);
      return { [kind]: await createRecord(ctx.store, kind, input, audit) };
    },
    [`update${name}`]: async (_: unknown, args: { input: Input & { id: string } }, ctx: GraphQLContext) => {
      const { input, audit } = await editing(ctx, args.input);
      return { [kind]: await updateRecord(ctx.store, kind, input, audit) };
    },
    [`delete${name}`]: async (_: unknown, args: { organisationId: string; id: string }, ctx: GraphQLContext) => {
      const { audit } = await editing(ctx, { organisationId: args.organisationId });
      return { deletedId: await deleteRecord(ctx.store, kind, args.organisationId, args.id, audit) };
    },
    // The names are built at run time, so TypeScript cannot match them to the generated
    // signatures; the schema still checks every argument and result.
  } as unknown as MutationResolvers<GraphQLContext>;
}
