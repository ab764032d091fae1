import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

import { DomainError } from '../domain/errors.ts';

export interface QueryLimits {
  /** Characters of query text. */
  maxLength: number;
  /** Fields selected, counting each fragment as often as it is spread. */
  maxFields: number;
  maxAliases: number;
  maxDepth: number;
}

export const QUERY_LIMITS: QueryLimits = { maxLength: 20_000, maxFields: 500, maxAliases: 30, maxDepth: 12 };

/** The refusal of a query text over the length limit, over HTTP (status 413) and WebSocket alike. */
export function queryTooLarge(length: number, maxLength: number): DomainError {
  return new DomainError('QUERY_TOO_LARGE', `The query is ${length} characters long; the limit is ${maxLength}.`, {
    maxLength,
  });
}

/**
 * A validation rule bounding the size of a query's result shape: the total number of selected
 * fields (fragments expanded, so a fragment spread 100 times counts 100 times) and of aliases.
 * Without it, one small query could ask for the same expensive field thousands of times.
 */
export function selectionLimitRule(limits: Pick<QueryLimits, 'maxFields' | 'maxAliases'>) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const count = (set: SelectionSetNode, seen: Set<string>, totals: { fields: number; aliases: number }): void => {
      for (const selection of set.selections) {
        if (totals.fields > limits.maxFields) return;
        if (selection.kind === Kind.FIELD) {
          totals.fields += 1;
          if (selection.alias) totals.aliases += 1;
          if (selection.selectionSet) count(selection.selectionSet, seen, totals);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          count(selection.selectionSet, seen, totals);
        } else {
          const fragment = fragments.get(selection.name.value);
          // A fragment cycle is reported by the standard rules; do not loop on it here.
          if (!fragment || seen.has(fragment.name.value)) continue;
          count(fragment.selectionSet, new Set([...seen, fragment.name.value]), totals);
        }
      }
    };
    return {
      OperationDefinition(operation) {
        const totals = { fields: 0, aliases: 0 };
        count(operation.selectionSet, new Set(), totals);
        if (totals.fields > limits.maxFields || totals.aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(
              `The query selects ${totals.fields > limits.maxFields ? `more than ${limits.maxFields} fields` : `${totals.aliases} aliases (at most ${limits.maxAliases})`}; split it.`,
              { nodes: [operation], extensions: { code: 'QUERY_TOO_COMPLEX', ...limits } },
            ),
          );
        }
      },
    };
  };
}

/** Analyses one request may run (each can hold a worker thread for seconds). */
export const MAX_ANALYSES_PER_REQUEST = 1;

/**
 * Refuses an operation that asks for the `analysis` field more than once under different
 * response names (aliases, also through fragments): one request runs one analysis, so ten
 * aliases cannot queue ten national analyses at once. Repeats under the same name are merged by
 * GraphQL and run once, so they pass.
 */
/** Query fields that run analyses: `trends` runs them on every scenario of the timeline. */
const ANALYSING_FIELDS = new Set(['analysis', 'trends']);

export function singleAnalysisRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const responseNames = (set: SelectionSetNode, seen: Set<string>, names: Set<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (ANALYSING_FIELDS.has(selection.name.value)) names.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        responseNames(selection.selectionSet, seen, names);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        responseNames(fragment.selectionSet, new Set([...seen, fragment.name.value]), names);
      }
    }
  };
  return {
    OperationDefinition(operation) {
      if (operation.operation !== 'query') return;
      const names = new Set<string>();
      responseNames(operation.selectionSet, new Set(), names);
      if (names.size > MAX_ANALYSES_PER_REQUEST) {
        context.reportError(
          new GraphQLError(
            `The query asks for ${names.size} analyses (${[...names].join(', ')}); one request may run ${MAX_ANALYSES_PER_REQUEST}. Send them one at a time.`,
            {
              nodes: [operation],
              extensions: { code: 'TOO_MANY_ANALYSES', count: names.size, limit: MAX_ANALYSES_PER_REQUEST },
            },
          ),
        );
      }
    },
  };
}

/**
 * Refuses `__schema` and `__type` (schema introspection). graphql's own
 * NoSchemaIntrospectionCustomRule cannot be used: it checks types with `instanceof`, and this ESM
 * module's copy of graphql is not the CommonJS one Mercurius validates with. `__typename` stays allowed.
 */
export function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          new GraphQLError(`GraphQL introspection has been disabled, but the query asked for "${node.name.value}".`, {
            nodes: [node],
          }),
        );
      }
    },
  };
}
