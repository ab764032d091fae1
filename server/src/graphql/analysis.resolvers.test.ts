import type { GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';

import { chainA } from '../analysis/test-graphs.ts';
import { DomainError } from '../domain/errors.ts';
import type { Scenario, ScenarioGraph } from '../domain/records.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { analysisResolvers, toParameterValues } from './analysis.resolvers.ts';

/** A store that knows one organisation with a current and a desired scenario (only what the resolver reads). */
function fakeStore(): GraphStore {
  const chain = chainA();
  const scenario = (id: string, kind: Scenario['kind']): Scenario =>
    ({
      id,
      kind,
      name: id,
      organisationId: 'org',
      version: 1,
      observedAt: null,
      description: null,
      basedOnId: null,
    }) as Scenario;
  const graphOf = (id: string): ScenarioGraph =>
    ({
      organisation: {
        id: 'org',
        name: 'Org',
        kind: 'MUNICIPAL',
        description: null,
        levels: [...chain.levels],
        version: 1,
      },
      scenario: scenario(id, id === 'now' ? 'CURRENT' : 'DESIRED'),
      units: chain.units,
      actors: chain.actors,
      // The desired scenario drops link L3.
      links: chain.links.filter((link) => id === 'now' || link.id !== 'L3'),
      arenas: chain.arenas,
      perceptions: id === 'now' ? chain.perceptions : [],
      initiatives: chain.initiatives,
    }) as unknown as ScenarioGraph;
  const store = {
    listRecords: async () => ({
      nodes: [scenario('now', 'CURRENT'), scenario('want', 'DESIRED')],
      hasNextPage: false,
      endCursor: null,
      totalCount: 2,
    }),
    readScenarioGraph: async (_org: string, id: string) => (id === 'now' || id === 'want' ? graphOf(id) : null),
    getOrganisation: async () => ({ id: 'org' }),
  };
  return store as unknown as GraphStore;
}

type AnalysisField = (
  root: object,
  args: Record<string, unknown>,
  context: { store: GraphStore },
  info: GraphQLResolveInfo,
) => Promise<{
  scenarioId: string;
  desiredDistance: { hasDesired: boolean; desiredScenarioId: string | null; totals: { removed: number } };
  findings: unknown[];
}>;

describe('analysis resolvers', () => {
  it('refuses an unknown parameter and a value of the wrong type, naming the field', () => {
    expect(() => toParameterValues([{ analysis: 'islands', name: 'size', value: 2 }])).toThrow(DomainError);
    try {
      toParameterValues([{ analysis: 'keyActors', name: 'samples', value: 1.5 }]);
    } catch (error) {
      expect((error as DomainError).details.field).toBe('parameters[0].value');
    }
    expect(toParameterValues([{ analysis: 'keyActors', name: 'confidence', value: 0.9 }])).toEqual({
      keyActors: { confidence: 0.9 },
    });
  });

  it('runs on the current scenario and measures the distance to the DESIRED one by default', async () => {
    const analysis = analysisResolvers.Query!.analysis as unknown as AnalysisField;
    const report = await analysis({}, { organisationId: 'org' }, { store: fakeStore() }, {} as GraphQLResolveInfo);
    expect(report.scenarioId).toBe('now');
    expect(report.desiredDistance).toMatchObject({
      hasDesired: true,
      desiredScenarioId: 'want',
      totals: { removed: 1 },
    });
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('lists the nine analyses', () => {
    const analyses = analysisResolvers.Query!.analyses as unknown as () => Array<{ id: string }>;
    expect(analyses().map((a) => a.id)).toHaveLength(9);
  });
});
