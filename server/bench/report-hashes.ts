/**
 * Fingerprints of analysis reports, to show that a change to the analyses or the worker pool
 * leaves every report as it was: prints the SHA-256 (first 16 hex digits) of the JSON of each
 * report, run in this thread (`runAnalyses`) and through the worker pool (the whole report, the
 * client's query, a few fields), for the sample organisations' scenarios (each against the
 * organisation's desired scenario), chain A and the synthetic chains of two seeds. Run it before
 * and after a change and compare the output (`diff`).
 *
 *   npx tsx server/bench/report-hashes.ts                      authority, region and nation
 *   npx tsx server/bench/report-hashes.ts authority,region     some sizes (the nation takes a minute)
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { DEFAULT_ANALYSIS_LIMITS } from '../src/analysis-pool/analysis-limits.ts';
import { AnalysisRunner } from '../src/analysis-pool/analysis-runner.ts';
import type { Selection } from '../src/analysis-pool/selection.ts';
import type { ChainGraph } from '../src/analysis/chain-graph.ts';
import { toChainGraph } from '../src/analysis/chain-graph.ts';
import { CLIENT_QUERY, EVERYTHING } from './analysis-selections.ts';
import { runAnalyses } from '../src/analysis/registry.ts';
import { chainA } from '../src/analysis/test-graphs.ts';
import type { ScenarioGraph } from '../src/domain/records.ts';
import { seedStore } from '../src/seeding/seed-store.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { syntheticChain } from './synthetic-chain.ts';

const AUTHORITIES: Record<string, number> = { authority: 1, region: 10, nation: 75 };
const sizes = (process.argv[2] ?? Object.keys(AUTHORITIES).join(',')).split(',');
const SELECTIONS: Record<string, Selection> = {
  whole: EVERYTHING,
  client: CLIENT_QUERY,
  some: { islands: { componentCount: true }, keyActors: true },
};

const hash = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** A chain as the store hands it out (what the pool is given). */
function stored(graph: ChainGraph): ScenarioGraph {
  const initiatives = graph.initiatives.map(({ evidenceCount, ...initiative }) => ({
    ...initiative,
    evidence: Array.from({ length: evidenceCount }, () => ({ text: 'Protokoll', date: null, source: null })),
  }));
  return { ...structuredClone(graph), initiatives, organisation: { levels: graph.levels } } as unknown as ScenarioGraph;
}

const runner = new AnalysisRunner({ ...DEFAULT_ANALYSIS_LIMITS, threads: 2, costLimit: Infinity });
async function print(name: string, current: ScenarioGraph, desired: ScenarioGraph | null): Promise<void> {
  const hashes = [`one ${hash(runAnalyses(toChainGraph(current), { desired: desired && toChainGraph(desired) }))}`];
  for (const [label, selection] of Object.entries(SELECTIONS)) {
    hashes.push(
      `${label} ${hash(await runner.run({ userId: 'hashes', current, desired, parameters: {}, selection }))}`,
    );
  }
  console.log(`${name.padEnd(30)} ${hashes.join('  ')}`);
}

const dir = mkdtempSync(join(tmpdir(), 'kk-hashes-'));
const store = new SqliteStore({ file: join(dir, 'store.db') });
try {
  await store.migrate();
  await seedStore(store, resolve(import.meta.dirname, '../../seeds/organisations'));
  for (const organisation of (await store.listOrganisations({ first: 100 })).nodes) {
    const scenarios = (await store.readOrganisation(organisation.id))!.records.flatMap((tagged) =>
      tagged.kind === 'scenario' ? [tagged.record] : [],
    );
    const desiredId = scenarios.find((scenario) => scenario.kind === 'DESIRED')?.id;
    const desired = desiredId ? await store.readScenarioGraph(organisation.id, desiredId) : null;
    for (const scenario of scenarios) {
      await print(scenario.id, (await store.readScenarioGraph(organisation.id, scenario.id))!, desired);
    }
  }
  await print('chain A', stored(chainA()), null);
  for (const size of sizes) {
    for (const seed of [7, 11]) {
      const chain = syntheticChain({ authorities: AUTHORITIES[size], seed });
      await print(`${size}, seed ${seed}`, stored(chain.current), stored(chain.desired));
    }
  }
} finally {
  await runner.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
