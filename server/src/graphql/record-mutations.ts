import type { MutationResolvers } from '@kopplingskartan/schema/generated';

import type { RecordKind } from '../domain/records.ts';
import { createRecord, deleteRecord, updateRecord } from '../editing/record-commands.ts';
import type { GraphQLContext } from './context.ts';

/**
 * `createX`, `updateX` and `deleteX` for one record kind: each parses nothing itself and hands
 * the input to the editing commands, which hold every rule.
 */
export function recordMutations<K extends RecordKind>(kind: K) {
  const name = kind.charAt(0).toUpperCase() + kind.slice(1);
  type Input = Parameters<typeof createRecord>[2];
  return {
    [`create${name}`]: async (_: unknown, args: { input: object }, { store }: GraphQLContext) => ({
      [kind]: await createRecord(store, kind, args.input as Input),
    }),
    [`update${name}`]: async (_: unknown, args: { input: object }, { store }: GraphQLContext) => ({
      [kind]: await updateRecord(store, kind, args.input as Input & { id: string }),
    }),
    [`delete${name}`]: async (_: unknown, args: { organisationId: string; id: string }, { store }: GraphQLContext) => ({
      deletedId: await deleteRecord(store, kind, args.organisationId, args.id),
    }),
    // The names are built at run time, so TypeScript cannot match them to the generated
    // signatures; the schema still checks every argument and result.
  } as unknown as MutationResolvers<GraphQLContext>;
}
