/**
 * GraphML import: nodes become actors and edges links, attributes matched to columns by the
 * same header aliases as spreadsheets (`label` or `name` → name, `level`/`nivå`, `coupling`,
 * `kind` …). What has no place in the domain is reported, and what is missing gets a default
 * that is reported too. Graph-level data written by our own export restores the rest.
 */
import { idSchema } from '@kopplingskartan/schema/interchange';
import { XMLParser } from 'fast-xml-parser';

import { slugify } from '../merge-state.ts';
import type { SheetCollector } from '../sheet-collector.ts';
import { resolveColumn, resolveSheetName, type SheetName } from '../spreadsheet-layout.ts';
import { DERIVED_NODE_KEYS, GRAPH_DATA_PREFIX } from './graphml-export.ts';

interface XmlData {
  '@_key'?: string;
  '#text'?: string | number;
  [child: string]: unknown;
}
interface XmlElement {
  '@_id'?: string;
  '@_source'?: string;
  '@_target'?: string;
  '@_directed'?: string;
  '@_edgedefault'?: string;
  data?: XmlData[];
  node?: XmlElement[];
  edge?: XmlElement[];
}
interface XmlKey {
  '@_id': string;
  '@_for'?: string;
  '@_attr.name'?: string;
  '@_yfiles.type'?: string;
}

export interface GraphmlOptions {
  /** The level for nodes without one (the organisation's top chain level). */
  defaultLevelKey: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['key', 'graph', 'node', 'edge', 'data'].includes(name),
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  // Character references (&#13; for CR) are decoded only with this on.
  htmlEntities: true,
});

/** yEd keeps a node's label inside its graphics (`y:NodeLabel`): dig it out. */
function yedLabel(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.endsWith('NodeLabel')) {
      const first = Array.isArray(child) ? child[0] : child;
      const text = typeof first === 'object' && first ? (first as XmlData)['#text'] : first;
      if (text !== undefined && String(text).trim() !== '') return String(text).trim();
    }
    const nested = yedLabel(child);
    if (nested) return nested;
  }
  return null;
}

function textOf(data: XmlData): string {
  return data['#text'] === undefined ? '' : String(data['#text']);
}

class Counter {
  readonly counts = new Map<string, number>();
  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }
}

export function collectGraphml(xml: string, collector: SheetCollector, options: GraphmlOptions): void {
  let root: { graphml?: { key?: XmlKey[]; graph?: XmlElement[] } };
  try {
    root = parser.parse(xml) as typeof root;
  } catch (error) {
    collector.issue({
      sheet: null,
      row: null,
      column: null,
      field: null,
      reason: 'UNREADABLE_FILE',
      message: `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  const graph = root.graphml?.graph?.[0];
  if (!graph) {
    collector.issue({
      sheet: null,
      row: null,
      column: null,
      field: null,
      reason: 'UNREADABLE_FILE',
      message: 'no <graph> in this GraphML file',
    });
    return;
  }
  if ((root.graphml?.graph?.length ?? 0) > 1) {
    collector.note({ sheet: null, message: 'the file holds several graphs; only the first was read' });
  }
  const keys = new Map((root.graphml?.key ?? []).map((key) => [key['@_id'], key]));
  const attrName = (id: string | undefined) => (id ? (keys.get(id)?.['@_attr.name'] ?? id) : '');
  const unmapped = new Counter();
  const defaulted = new Counter();

  // Graph-level data from our own export: whole sheets in the spreadsheet layout.
  let hasScenarioSheet = false;
  for (const data of graph.data ?? []) {
    const name = attrName(data['@_key']);
    const sheet: SheetName | null = name.startsWith(GRAPH_DATA_PREFIX)
      ? resolveSheetName(name.slice(GRAPH_DATA_PREFIX.length))
      : null;
    if (!sheet) {
      unmapped.add(`graph attribute "${name}" could not be mapped; ignored`);
      continue;
    }
    let table: unknown;
    try {
      table = JSON.parse(textOf(data));
    } catch {
      table = null;
    }
    if (!Array.isArray(table) || !table.every((row) => Array.isArray(row))) {
      collector.issue({
        sheet,
        row: null,
        column: null,
        field: null,
        reason: 'INVALID',
        message: `graph attribute "${name}" is not a table`,
      });
      continue;
    }
    const [header, ...rows] = table as string[][];
    const sink = collector.begin(sheet, header ?? [], sheet);
    rows.forEach((row, i) => sink?.row(i + 2, row.map(String)));
    sink?.end();
    if (sheet === 'scenarios') hasScenarioSheet = true;
  }

  // Nodes → actors.
  const nodeIds = new Map<string, string>();
  const nodes = graph.node ?? [];
  const actorColumns = new Set<string>(['id']);
  const nodeRows = nodes.map((node) => {
    const cells = new Map<string, string>();
    const rawId = node['@_id'] ?? '';
    let id = rawId;
    if (!idSchema.safeParse(rawId).success) {
      id = slugify(rawId) || `node-${nodeIds.size + 1}`;
      defaulted.add('node ids that are not valid ids were turned into ones that are');
    }
    nodeIds.set(rawId, id);
    cells.set('id', id);
    for (const data of node.data ?? []) {
      const key = keys.get(data['@_key'] ?? '');
      if (key?.['@_yfiles.type'] === 'nodegraphics') {
        const label = yedLabel(data);
        if (label && !cells.has('name')) cells.set('name', label);
        continue;
      }
      const name = attrName(data['@_key']);
      if (DERIVED_NODE_KEYS.includes(name)) continue;
      const column = resolveColumn('actors', name);
      if (!column || column.key === 'id') {
        unmapped.add(`node attribute "${name}" could not be mapped; ignored`);
        continue;
      }
      cells.set(column.key, textOf(data));
    }
    if (!cells.get('name')?.trim()) {
      cells.set('name', rawId);
      defaulted.add('nodes without a label were named by their id');
    }
    if (!cells.get('level')?.trim()) {
      cells.set('level', options.defaultLevelKey);
      defaulted.add(`nodes without a level were put on level "${options.defaultLevelKey}"`);
    }
    for (const key of cells.keys()) actorColumns.add(key);
    return cells;
  });
  const actorHeader = [...actorColumns];
  const actors = collector.begin('actors', actorHeader, 'actors');
  nodeRows.forEach((cells, i) =>
    actors?.row(
      i + 2,
      actorHeader.map((key) => cells.get(key) ?? ''),
    ),
  );
  actors?.end();

  // Edges → links.
  const isUndirected = graph['@_edgedefault'] === 'undirected';
  const linkColumns = new Set<string>(['id', 'source', 'target']);
  if (hasScenarioSheet) linkColumns.add('scenario');
  const edgeRows = (graph.edge ?? []).map((edge) => {
    const cells = new Map<string, string>();
    const rawId = edge['@_id'];
    cells.set('id', rawId && idSchema.safeParse(rawId).success ? rawId : '');
    cells.set('source', nodeIds.get(edge['@_source'] ?? '') ?? edge['@_source'] ?? '');
    cells.set('target', nodeIds.get(edge['@_target'] ?? '') ?? edge['@_target'] ?? '');
    if (hasScenarioSheet) cells.set('scenario', graph['@_id'] ?? '');
    if (isUndirected || edge['@_directed'] === 'false') defaulted.add('undirected edges were read as source → target');
    for (const data of edge.data ?? []) {
      const name = attrName(data['@_key']);
      const column = resolveColumn('links', name);
      if (!column || ['id', 'source', 'target', 'scenario'].includes(column.key)) {
        unmapped.add(`edge attribute "${name}" could not be mapped; ignored`);
        continue;
      }
      cells.set(column.key, textOf(data));
    }
    if (!cells.get('coupling')?.trim()) {
      cells.set('coupling', 'LOOSE');
      defaulted.add('edges without a coupling were set to loose');
    }
    if (!cells.get('kind')?.trim()) {
      cells.set('kind', 'DIALOGUE');
      defaulted.add('edges without a kind were set to dialogue');
    }
    for (const key of cells.keys()) linkColumns.add(key);
    return cells;
  });
  const linkHeader = [...linkColumns];
  const links = collector.begin('links', linkHeader, 'links');
  edgeRows.forEach((cells, i) =>
    links?.row(
      i + 2,
      linkHeader.map((key) => cells.get(key) ?? ''),
    ),
  );
  links?.end();

  for (const [message, count] of unmapped.counts) collector.note({ sheet: null, message, count });
  for (const [message, count] of defaulted.counts) collector.note({ sheet: null, message, count });
}
