import { parse } from 'graphql';
import type { FragmentDefinitionNode, OperationDefinitionNode, FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';

import { DomainError } from '../domain/errors.ts';
import { analysisResolvers, selectionOf, toParameterValues } from './analysis.resolvers.ts';

/** Refusal of `toParameterValues(inputs)`, or a failure when it is not refused. */
function refusal(inputs: Parameters<typeof toParameterValues>[0]): DomainError {
  try {
    toParameterValues(inputs);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('analysis resolvers', () => {
  it('refuses an unknown parameter, a value of the wrong type and one out of range, naming each field', () => {
    expect(refusal([{ analysis: 'islands', name: 'size', value: 2 }]).details).toMatchObject({
      field: 'parameters[0].name',
      reason: 'INVALID',
    });
    const refused = refusal([
      { analysis: 'keyActors', name: 'confidence', value: 0.9 },
      { analysis: 'keyActors', name: 'samples', value: 1.5 },
      { analysis: 'keyActors', name: 'samples', value: 0 },
      { analysis: 'keyActors', name: 'confidence', value: 1 },
      { analysis: 'brokenChains', name: 'includeSideActors', value: 1 },
    ]);
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.details.issues!.map((issue) => issue.field)).toEqual([
      'parameters[1].value',
      'parameters[2].value',
      'parameters[3].value',
      'parameters[4].value',
    ]);
    expect(refused.details.issues![1]!.message).toBe('samples takes an integer from 1');
  });

  it('keeps valid values, grouped by analysis', () => {
    expect(
      toParameterValues([
        { analysis: 'keyActors', name: 'confidence', value: 0.9 },
        { analysis: 'keyActors', name: 'seed', value: -4 },
        { analysis: 'islands', name: 'minSize', value: 3 },
      ]),
    ).toEqual({ keyActors: { confidence: 0.9, seed: -4 }, islands: { minSize: 3 } });
  });

  it('reads the fields a query selects from the report, through fragments and repeated fields', () => {
    const document = parse(`
      query {
        analysis(organisationId: "o") {
          scenarioId
          islands { componentCount }
          ...More
          ... on AnalysisReport { findings { id } islands { islands { actorIds } } }
        }
      }
      fragment More on AnalysisReport { keyActors { method { exact } } }
    `);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const fragment = document.definitions[1] as FragmentDefinitionNode;
    const selection = selectionOf({
      fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
      fragments: { More: fragment },
    });
    expect(selection).toEqual({
      scenarioId: true,
      islands: { componentCount: true, islands: { actorIds: true } },
      keyActors: { method: { exact: true } },
      findings: { id: true },
    });
  });

  it('lists the nine analyses of DOMAIN.md and initiative reach', () => {
    const analyses = analysisResolvers.Query!.analyses as unknown as () => Array<{ id: string }>;
    expect(analyses().map((a) => a.id)).toHaveLength(10);
    expect(analyses().at(-1)!.id).toBe('initiativeReach');
  });
});
