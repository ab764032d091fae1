import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { syntheticChain, syntheticDocument } from '../../bench/synthetic-chain.ts';
import { toChainGraph } from '../analysis/chain-graph.ts';
import { ANALYSIS_IDS } from '../analysis/findings.ts';
import { runAnalyses } from '../analysis/registry.ts';
import { DomainError } from '../domain/errors.ts';
import type { ScenarioGraph } from '../domain/records.ts';
import { importOrganisation } from '../editing/organisation-commands.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { DEFAULT_ANALYSIS_LIMITS } from './analysis-limits.ts';
import { AnalysisRunner } from './analysis-runner.ts';
import type { AnalysisRequest } from './analysis-runner.ts';
import type { Selection } from './selection.ts';

// A real SQLite store holding one synthetic authority (about 1,900 actors and 6,800 links: exact
// betweenness, large enough that the owning thread shares it with the other thread).
describe('AnalysisRunner (worker threads, on a stored authority)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kk-runner-'));
  const store = new SqliteStore({ file: join(dir, 'store.db') });
  const runners: AnalysisRunner[] = [];
  const runner = (limits: Partial<typeof DEFAULT_ANALYSIS_LIMITS> = {}) => {
    const made = new AnalysisRunner({ ...DEFAULT_ANALYSIS_LIMITS, threads: 2, ...limits });
    runners.push(made);
    return made;
  };
  const read = async (scenarioId: string): Promise<ScenarioGraph> =>
    (await store.readScenarioGraph('authority', scenarioId))!;
  const request = async (overrides: Partial<AnalysisRequest> = {}): Promise<AnalysisRequest> => ({
    userId: 'u1',
    current: await read('current'),
    desired: await read('desired'),
    parameters: {},
    selection: Object.fromEntries(['findings', ...ANALYSIS_IDS].map((part) => [part, true])),
    ...overrides,
  });

  beforeAll(async () => {
    await store.migrate();
    await importOrganisation(store, syntheticDocument(syntheticChain({ seed: 3 }), 'authority'));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(runners.map((made) => made.close()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports what the analyses report in this thread, betweenness shared between two threads included', async () => {
    const input = await request();
    const expected = runAnalyses(toChainGraph(input.current), { desired: toChainGraph(input.desired!) });
    const report = await runner().run(input);
    expect(report.keyActors!.method).toEqual({
      exact: true,
      samples: input.current.actors.length,
      errorBound: 0,
      confidence: 0.95,
    });
    // Key actors come back in the last part, after the others' part: their findings must still
    // stand between the islands' and level skipping's.
    const analyses = expected.findings.map((finding) => finding.analysis);
    expect(analyses.indexOf('keyActors')).toBeGreaterThan(analyses.indexOf('islands'));
    expect(analyses.lastIndexOf('keyActors')).toBeLessThan(analyses.indexOf('levelSkipping'));
    expect(report).toEqual(expected);
  }, 60_000);

  it('sends the findings of the whole report to a request for the findings alone', async () => {
    const input = await request({ selection: { findings: true, levelMatrix: { gaps: true } } });
    const expected = runAnalyses(toChainGraph(input.current), { desired: toChainGraph(input.desired!) });
    expect(await runner().run(input)).toEqual({
      findings: expected.findings,
      levelMatrix: { gaps: expected.levelMatrix.gaps },
    });
  }, 60_000);

  it('runs only the analyses a request reads, and sends back only the fields it selects', async () => {
    const input = await request({ selection: { islands: { componentCount: true, mainland: { actorIds: true } } } });
    const expected = runAnalyses(toChainGraph(input.current)).islands;
    expect(await runner().run(input)).toEqual({
      islands: { componentCount: expected.componentCount, mainland: { actorIds: expected.mainland!.actorIds } },
    });
  }, 60_000);

  it('answers an unchanged scenario from the cache, and a changed one anew', async () => {
    const made = runner();
    const first = await made.run(await request({ selection: { levelSkipping: true } }));
    expect(await made.run(await request({ selection: { levelSkipping: true } }))).toBe(first);
    const actor = (await read('current')).actors[0]!;
    await store.updateRecord('actor', { ...actor, name: 'Omdöpt' });
    const after = await made.run(await request({ selection: { levelSkipping: true } }));
    expect(after).not.toBe(first);
    expect(after).toEqual(first); // the name is not part of this analysis's result
  }, 60_000);

  it('answers other parameters on the same version from what the thread decoded, and a new version from the new graph', async () => {
    // One thread: no helper claims any betweenness chunk, so the other analyses' part always goes
    // first and the key actors' findings must be put back between theirs.
    const made = runner({ threads: 1 });
    const selection: Selection = {
      keyActors: { articulationPoints: { actorId: true } },
      findings: { explanation: { en: true } },
    };
    const parameters = { keyActors: { betweennessLimit: 2 } };
    const first = await made.run(await request({ selection, parameters: { keyActors: { betweennessLimit: 1 } } }));
    const input = await request({ selection, parameters });
    const expected = runAnalyses(toChainGraph(input.current), { desired: toChainGraph(input.desired!), parameters });
    const again = await made.run(input);
    expect(again.findings!.length).toBe(first.findings!.length + 1); // one more betweenness finding
    expect(again.findings).toEqual(
      expected.findings.map(({ explanation }) => ({ explanation: { en: explanation.en } })),
    );
    // A key actor renamed: a new version, whose findings must name it anew.
    const actorId = again.keyActors!.articulationPoints[0]!.actorId;
    const actor = input.current.actors.find((candidate) => candidate.id === actorId)!;
    await store.updateRecord('actor', { ...actor, name: 'Omdöpt nyckelperson' });
    const renamed = await made.run(await request({ selection, parameters }));
    expect(renamed.findings!.some(({ explanation }) => explanation.en.includes('Omdöpt nyckelperson'))).toBe(true);
  }, 60_000);

  it('refuses a graph found inconsistent after its betweenness was offered to the other thread, and goes on', async () => {
    const made = runner();
    const input = await request({ selection: { keyActors: { method: { exact: true } } } });
    const [first, ...rest] = input.current.actors;
    const current = { ...input.current, actors: [{ ...first!, levelKey: 'nowhere' }, ...rest] };
    await expect(made.run({ ...input, current })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ field: 'actors[0].levelKey' }),
    });
    expect(await made.run(input)).toEqual({ keyActors: { method: { exact: true } } });
  }, 60_000);

  it("refuses a user's analysis beyond ANALYSIS_PER_USER while the first runs, and takes it after", async () => {
    expect.assertions(3);
    const made = runner({ perUser: 1 });
    const running = made.run(await request({ selection: { islands: true }, parameters: { islands: { minSize: 2 } } }));
    const second = await request({ selection: { islands: true }, parameters: { islands: { minSize: 3 } } });
    try {
      await made.run(second);
    } catch (error) {
      expect(error).toMatchObject({ code: 'ANALYSIS_BUSY', details: { scope: 'USER', limit: 1 } });
    }
    expect(await made.run({ ...second, userId: 'u2' })).toHaveProperty('islands');
    await running;
    expect(await made.run(second)).toHaveProperty('islands');
  }, 60_000);

  it('refuses an analysis over the cost budget, naming the cost and the limit', async () => {
    const input = await request({ selection: { keyActors: true } });
    const n = input.current.actors.length;
    const m = input.current.links.length;
    // keyActors alone, exact: (n + m) × (1 index + 1 analysis + n sources).
    const cost = (n + m) * (2 + n);
    const thrown = (() => {
      try {
        runner({ costLimit: cost - 1 }).run(input);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'ANALYSIS_TOO_LARGE', details: { cost, limit: cost - 1, sources: n } });
    await expect(runner({ costLimit: cost }).run(input)).resolves.toHaveProperty('keyActors');
  }, 60_000);
});
