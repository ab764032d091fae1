import type { Resolvers } from '@kopplingskartan/schema/generated';
import { Kind } from 'graphql';
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

import type { Selection } from '../analysis-pool/selection.ts';
import type { AnalysisId } from '../analysis/findings.ts';
import { ANALYSES } from '../analysis/registry.ts';
import type { ParameterValue } from '../analysis/registry.ts';
import { invalidInput } from '../domain/errors.ts';
import type { FieldIssue } from '../domain/errors.ts';
import { loadComparedGraphs } from '../editing/read-map.ts';
import { timelineTrends, TREND_SELECTION, trendPointOf } from '../reporting/timeline-trends.ts';
import { authorizeOrganisation, authorizeSignedIn } from './authorize.ts';
import type { GraphQLContext } from './context.ts';

const TYPE_WORDS = { INT: 'an integer', FLOAT: 'a number', BOOLEAN: 'true or false' } as const;

interface ParameterInput {
  analysis: AnalysisId;
  name: string;
  value: unknown;
}

/**
 * Checks parameter values against the registry (known name, value of the declared type, within
 * the declared range) and groups them per analysis.
 * @throws DomainError BAD_USER_INPUT listing every refused parameter.
 */
export function toParameterValues(
  inputs: readonly ParameterInput[] | null | undefined,
): Partial<Record<AnalysisId, Record<string, ParameterValue>>> {
  const values: Partial<Record<AnalysisId, Record<string, ParameterValue>>> = {};
  const issues: FieldIssue[] = [];
  (inputs ?? []).forEach((input, i) => {
    const descriptor = ANALYSES[input.analysis]?.parameters.find((p) => p.name === input.name);
    if (!descriptor) {
      issues.push({
        field: `parameters[${i}].name`,
        reason: 'INVALID',
        value: input.name,
        message: `${input.analysis} has no parameter "${input.name}"`,
      });
      return;
    }
    const value = input.value;
    const { min = -Infinity, max = Infinity } = descriptor;
    const isValid =
      descriptor.type === 'BOOLEAN'
        ? typeof value === 'boolean'
        : typeof value === 'number' &&
          Number.isFinite(value) &&
          (descriptor.type === 'FLOAT' || Number.isInteger(value)) &&
          value >= min &&
          value <= max;
    if (!isValid) {
      const range = descriptor.type === 'BOOLEAN' ? '' : ` from ${min}${max === Infinity ? '' : ` to ${max}`}`;
      issues.push({
        field: `parameters[${i}].value`,
        reason: 'INVALID',
        value,
        message: `${input.name} takes ${TYPE_WORDS[descriptor.type]}${range}`,
      });
      return;
    }
    (values[input.analysis] ??= {})[input.name] = value as ParameterValue;
  });
  if (issues.length > 0) throw invalidInput(issues);
  return values;
}

/**
 * The fields a query selects under the field being resolved, nested, through fragments too: only
 * the analyses it reads are run, and only the selected fields are sent back from the worker.
 */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
  const collect = (sets: ReadonlyArray<SelectionSetNode | undefined>): Selection => {
    const nodes = new Map<string, Array<SelectionSetNode | undefined>>();
    const visit = (set: SelectionSetNode | undefined): void => {
      for (const node of set?.selections ?? []) {
        if (node.kind === Kind.FIELD) {
          const list = nodes.get(node.name.value) ?? [];
          nodes.set(node.name.value, [...list, node.selectionSet]);
        } else if (node.kind === Kind.INLINE_FRAGMENT) {
          visit(node.selectionSet);
        } else {
          visit(info.fragments[node.name.value]?.selectionSet);
        }
      }
    };
    sets.forEach(visit);
    return Object.fromEntries(
      [...nodes].map(([field, inner]) => [field, inner.some(Boolean) ? collect(inner) : true] as const),
    );
  };
  return collect(info.fieldNodes.map((node) => node.selectionSet));
}

/** Thin resolvers: load the scenario graph(s), run the analyses off the event loop, return plain data. */
export const analysisResolvers: Resolvers<GraphQLContext> = {
  Query: {
    analyses: () =>
      Object.values(ANALYSES).map(({ id, labelKey, descriptionKey, parameters }) => ({
        id,
        labelKey,
        descriptionKey,
        parameters: parameters.map((parameter) => ({ ...parameter })),
      })),
    analysis: async (_root, { organisationId, scenarioId, desiredScenarioId, parameters }, ctx, info) => {
      await authorizeOrganisation(ctx, organisationId, 'VIEWER');
      const { store } = ctx;
      const parameterValues = toParameterValues(parameters);
      const { current, desired } = await loadComparedGraphs(
        store,
        organisationId,
        scenarioId ?? null,
        desiredScenarioId ?? null,
      );
      const { desiredDistance, ...report } = await ctx.analyses.run({
        userId: authorizeSignedIn(ctx).userId,
        current,
        desired,
        parameters: parameterValues,
        selection: selectionOf(info),
      });
      return {
        ...report,
        organisationId,
        scenarioId: current.scenario.id,
        ...(desiredDistance
          ? { desiredDistance: { ...desiredDistance, desiredScenarioId: desired?.scenario.id ?? null } }
          : {}),
      };
    },
    trends: async (_root, { organisationId }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'VIEWER');
      const { userId } = authorizeSignedIn(ctx);
      return timelineTrends(ctx.store, organisationId, async (current, desired) =>
        trendPointOf(await ctx.analyses.run({ userId, current, desired, parameters: {}, selection: TREND_SELECTION })),
      );
    },
  },
  KeyActorsResult: {
    betweenness: (parent, { first }) =>
      first === null || first === undefined ? parent.betweenness : parent.betweenness.slice(0, Math.max(0, first)),
  },
};
