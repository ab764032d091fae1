import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { readDocument } from '../../domain/document.ts';
import { exampleDocument } from '../template.ts';
import { planFromStream } from '../import-source.ts';
import { planBytes, planned } from '../test/round-trip.ts';
import { graphmlChunks } from './graphml-export.ts';

const PYTHON = '/usr/bin/python3';
const hasNetworkx = spawnSync(PYTHON, ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;

const READ_WITH_NETWORKX = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "directed": g.is_directed(),
  "nodes": g.number_of_nodes(),
  "edges": g.number_of_edges(),
  "chief": g.nodes["skolchef"],
  "support": g.nodes["larosate"],
  "l2": g.edges["skolchef", "rektor-ekskolan"],
  "l4": g.edges["larosate", "rektor-ekskolan"],
  "graphKeys": sorted(g.graph.keys()),
}))
`;

describe('GraphML', () => {
  // Skipped, visibly, only where python3-networkx is missing (`.ci/run` installs it).
  it.skipIf(!hasNetworkx)(
    `is read by networkx with the same nodes, edges and typed attributes${
      hasNetworkx ? '' : ' (skipped: python3-networkx is not installed; apt-get install -y python3-networkx)'
    }`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'kk-graphml-'));
      try {
        const file = join(dir, 'map.graphml');
        writeFileSync(file, [...graphmlChunks(readDocument(exampleDocument()).document)].join(''));
        const read = JSON.parse(execFileSync(PYTHON, ['-c', READ_WITH_NETWORKX, file], { encoding: 'utf8' }));
        expect(read.directed).toBe(true);
        expect(read.nodes).toBe(5);
        expect(read.edges).toBe(4);
        expect(read.chief).toEqual({
          label: 'Skolchef',
          level: 'administration',
          levelName: 'Förvaltning',
          levelRank: 1,
          isSide: false,
          role: 'Huvudmannens företrädare',
          tags: 'ledning',
        });
        expect(read.support).toEqual({
          label: 'Lärosätets stödteam',
          level: 'support',
          levelName: 'Stöd',
          isSide: true,
        });
        expect(read.l2).toEqual({
          id: 'l2',
          kind: 'FOLLOW_UP',
          coupling: 'LOOSE',
          targetResponds: true,
          sourceResponds: true,
          distinctive: true,
          arena: 'kvalitetsdialog',
          cadence: 'TERMLY',
          confidential: false,
        });
        expect(read.l4).toMatchObject({ kind: 'SUPPORT', coupling: 'LOOSE', partnershipStage: 2 });
        expect(read.graphKeys).toContain('kk.sheet.organisation');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('maps a graph made elsewhere and reports what it could not map or had to default', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="nivå" attr.type="string"/>
  <key id="d2" for="node" attr.name="x" attr.type="double"/>
  <key id="d3" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d4" for="edge" attr.name="koppling" attr.type="string"/>
  <key id="d5" for="node" yfiles.type="nodegraphics"/>
  <graph id="G" edgedefault="undirected">
    <node id="n0"><data key="d0">Skolchef</data><data key="d1">förvaltning</data><data key="d2">1.5</data></node>
    <node id="n1"><data key="d5"><y:ShapeNode><y:NodeLabel>Rektor Björk</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n 2"/>
    <edge source="n0" target="n1"><data key="d3">2</data><data key="d4">tät</data></edge>
    <edge source="n1" target="n 2"/>
  </graph>
</graphml>`;
    const plan = await planBytes(xml, { format: 'graphml', organisationName: 'Graf' });
    expect(plan.issues).toEqual([]);
    const document = planned(plan);
    expect(document.actors.map((a) => [a.id, a.name, a.levelKey])).toEqual([
      ['n-2', 'n 2', 'politics'],
      ['n0', 'Skolchef', 'administration'],
      ['n1', 'Rektor Björk', 'politics'],
    ]);
    expect(document.scenarios[0]!.links.map((l) => [l.sourceId, l.targetId, l.coupling, l.kind])).toEqual([
      ['n0', 'n1', 'TIGHT', 'DIALOGUE'],
      ['n1', 'n-2', 'LOOSE', 'DIALOGUE'],
    ]);
    expect(plan.notes).toEqual(
      expect.arrayContaining([
        { sheet: null, message: 'node attribute "x" could not be mapped; ignored', count: 1 },
        { sheet: null, message: 'edge attribute "weight" could not be mapped; ignored', count: 1 },
        { sheet: null, message: 'nodes without a level were put on level "politics"', count: 2 },
        { sheet: null, message: 'nodes without a label were named by their id', count: 1 },
        { sheet: null, message: 'edges without a coupling were set to loose', count: 1 },
        { sheet: null, message: 'edges without a kind were set to dialogue', count: 2 },
        { sheet: null, message: 'undirected edges were read as source → target', count: 2 },
      ]),
    );
  });

  it('reads a file streamed in small pieces as it reads it whole, and reports one that is not XML', async () => {
    const document = readDocument(exampleDocument()).document;
    const bytes = Buffer.from([...graphmlChunks(document)].join(''), 'utf8');
    const whole = await planBytes(bytes, { format: 'graphml' });
    expect(whole.issues).toEqual([]);
    // Cut every 7 bytes: through tags, entities and the two bytes of "ö".
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const streamed = await planFromStream(Readable.from(pieces), { format: 'graphml', mode: 'CREATE', existing: null });
    expect(planned(streamed)).toEqual(planned(whole));

    const broken = await planBytes('<graphml><graph><node id="a"', { format: 'graphml', organisationName: 'Graf' });
    expect(broken.ok).toBe(false);
    expect(broken.issues).toEqual([expect.objectContaining({ reason: 'UNREADABLE_FILE' })]);
    expect(broken.issues[0]!.message).toBe('not well-formed XML: line 1, column 28: unclosed tag: graph');

    // Common HTML entities are known; any other entity is refused, saying where.
    const entities = (label: string) =>
      `<graphml><key id="d0" for="node" attr.name="label"/><graph><node id="a"><data key="d0">${label}</data></node></graph></graphml>`;
    const html = await planBytes(entities('Skol&nbsp;chef &euro;'), { format: 'graphml', organisationName: 'Graf' });
    expect(planned(html).actors.map((a) => a.name)).toEqual(['Skol\u00a0chef €']);
    const unknown = await planFromStream(Readable.from([Buffer.from(entities('&foo;'))]), {
      format: 'graphml',
      mode: 'CREATE',
      existing: null,
      fileName: 'graf.graphml',
    });
    expect(unknown.issues).toContainEqual(
      expect.objectContaining({
        reason: 'UNREADABLE_FILE',
        message: 'not well-formed XML: graf.graphml, line 1, column 92: undefined entity.',
      }),
    );
  });
});
