import type { Resolvers } from '@kopplingskartan/schema/generated';

import { toChainGraph } from '../analysis/chain-graph.ts';
import type { AnalysisId } from '../analysis/findings.ts';
import { ANALYSES, runAnalyses } from '../analysis/registry.ts';
import type { ParameterValue } from '../analysis/registry.ts';
import { invalidInput } from '../domain/errors.ts';
import type { FieldIssue } from '../domain/errors.ts';
import { listScenarios, loadScenarioGraph } from '../editing/read-map.ts';
import { authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';

interface ParameterInput {
  analysis: AnalysisId;
  name: string;
  value: unknown;
}

/**
 * Checks parameter values against the registry (known name, value of the declared type) and
 * groups them per analysis.
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
    const isValid =
      descriptor.type === 'BOOLEAN'
        ? typeof value === 'boolean'
        : typeof value === 'number' &&
          Number.isFinite(value) &&
          (descriptor.type === 'FLOAT' || Number.isInteger(value));
    if (!isValid) {
      issues.push({
        field: `parameters[${i}].value`,
        reason: 'INVALID',
        value,
        message: `${input.name} takes a ${descriptor.type.toLowerCase()}`,
      });
      return;
    }
    (values[input.analysis] ??= {})[input.name] = value as ParameterValue;
  });
  if (issues.length > 0) throw invalidInput(issues);
  return values;
}

/** Thin resolvers: load the scenario graph(s), run the pure analyses, return plain data. */
export const analysisResolvers: Resolvers<GraphQLContext> = {
  Query: {
    analyses: () =>
      Object.values(ANALYSES).map(({ id, labelKey, descriptionKey, parameters }) => ({
        id,
        labelKey,
        descriptionKey,
        parameters: parameters.map((parameter) => ({ ...parameter })),
      })),
    analysis: async (_root, { organisationId, scenarioId, desiredScenarioId, parameters }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'VIEWER');
      const { store } = ctx;
      const parameterValues = toParameterValues(parameters);
      const current = await loadScenarioGraph(store, organisationId, scenarioId ?? null);
      let desiredId = desiredScenarioId ?? null;
      if (!desiredId) {
        const desired = (await listScenarios(store, organisationId)).find((scenario) => scenario.kind === 'DESIRED');
        desiredId = desired && desired.id !== current.scenario.id ? desired.id : null;
      }
      const desired = desiredId ? await loadScenarioGraph(store, organisationId, desiredId) : null;
      const report = runAnalyses(toChainGraph(current), {
        desired: desired ? toChainGraph(desired) : null,
        parameters: parameterValues,
      });
      return {
        ...report,
        organisationId,
        scenarioId: current.scenario.id,
        desiredDistance: { ...report.desiredDistance, desiredScenarioId: desiredId },
      };
    },
  },
  KeyActorsResult: {
    betweenness: (parent, { first }) =>
      first === null || first === undefined ? parent.betweenness : parent.betweenness.slice(0, Math.max(0, first)),
  },
};
