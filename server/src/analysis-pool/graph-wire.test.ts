import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { syntheticChain, syntheticDocument } from '../../bench/synthetic-chain.ts';
import { toChainGraph } from '../analysis/chain-graph.ts';
import { buildGraphIndex } from '../analysis/graph-index.ts';
import type { ScenarioGraph } from '../domain/records.ts';
import { importOrganisation } from '../editing/organisation-commands.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { decodeGraph, decodeLinks, desiredLinksWire, graphWire } from './graph-wire.ts';

describe('graph wire', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kk-wire-'));
  const store = new SqliteStore({ file: join(dir, 'store.db') });
  let current: ScenarioGraph;
  let desired: ScenarioGraph;
  beforeAll(async () => {
    await store.migrate();
    // One authority: more links than one slice holds (4,096 rows).
    await importOrganisation(store, syntheticDocument(syntheticChain({ seed: 4 }), 'o'));
    current = (await store.readScenarioGraph('o', 'current'))!;
    desired = (await store.readScenarioGraph('o', 'desired'))!;
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the worker the graph the analyses would read, with its links already numbered', async () => {
    expect(current.links.length).toBeGreaterThan(4096);
    // Links held in an arena, in the first slice and in a later one, with ids of other lengths.
    const arenaId = current.arenas[0]!.id;
    const held = new Set([3, 5000]);
    const arenaLinked: ScenarioGraph = {
      ...current,
      links: current.links.map((link, e) =>
        held.has(e) ? { ...link, id: `${link.id}-in-${arenaId}`, arenaId } : { ...link, arenaId: null },
      ),
    };
    const wire = await graphWire(arenaLinked);
    expect(wire.links.slices.length).toBeGreaterThan(1);
    const { graph, columns } = decodeGraph(wire);
    const { links, ...rest } = toChainGraph(arenaLinked);
    expect(graph).toEqual(rest);
    expect(links.map((_, e) => columns!.idOf(e))).toEqual(links.map((link) => link.id));
    expect(links.map((_, e) => columns!.arenaIdOf(e))).toEqual(links.map((link) => link.arenaId));
    const fromStrings = buildGraphIndex(toChainGraph(arenaLinked));
    const fromColumns = buildGraphIndex(graph, columns!);
    for (const column of [
      'linkSource',
      'linkTarget',
      'linkStrength',
      'linkKind',
      'linkTargetResponds',
      'linkSourceResponds',
      'linkInArena',
      'respNeighbour',
      'perceivedLinkIndex',
    ] as const) {
      expect(fromColumns[column]).toEqual(fromStrings[column]);
    }
    expect(links.map((_, e) => fromColumns.linkId(e))).toEqual(links.map((_, e) => fromStrings.linkId(e)));
    expect(await graphWire(arenaLinked)).toBe(wire); // once per stored graph
  });

  it('numbers every encoding anew, so a worker never mistakes one graph for another', async () => {
    const copy: ScenarioGraph = { ...current, links: [...current.links] };
    const versions = [
      (await graphWire(current)).version,
      (await graphWire(copy)).version,
      (await desiredLinksWire(desired, current)).version,
      (await desiredLinksWire(desired, copy)).version,
    ];
    expect(new Set(versions).size).toBe(4);
    expect((await graphWire(copy)).version).toBe(versions[1]);
  });

  it("numbers the desired scenario's links as the current scenario's actors", async () => {
    const ids = current.actors.map((actor) => actor.id);
    const decoded = decodeLinks(await desiredLinksWire(desired, current));
    if (!('columns' in decoded)) throw new Error('the desired links should arrive numbered');
    const { columns } = decoded;
    expect(desired.links.map((_, j) => columns.idOf(j))).toEqual(desired.links.map((link) => link.id));
    expect(Array.from(columns.source, (s) => ids[s])).toEqual(desired.links.map((link) => link.sourceId));
    expect(Array.from(columns.target, (t) => ids[t])).toEqual(desired.links.map((link) => link.targetId));
  });

  it('sends links naming an unknown actor as rows, so the worker refuses them as the analyses do', async () => {
    const ghost = { ...current.links[0]!, id: 'ghost-link', sourceId: 'ghost' };
    const broken = { ...current, links: [...current.links, ghost] };
    const wire = await graphWire(broken);
    expect(wire.links.columns).toBeNull();
    const decoded = decodeGraph(wire);
    if (decoded.columns) throw new Error('links naming an unknown actor should arrive as rows');
    expect(() => buildGraphIndex(decoded.graph)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: expect.objectContaining({ field: `links[${current.links.length}].sourceId` }),
      }),
    );
  });
});
