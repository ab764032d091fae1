/**
 * GraphML import: nodes become actors and edges links, attributes matched to columns by the
 * same header aliases as spreadsheets (`label` or `name` → name, `level`/`nivå`, `coupling`,
 * `kind` …). What has no place in the domain is reported, and what is missing gets a default
 * that is reported too. Graph-level data written by our own export restores the rest.
 */
import { idSchema } from '@kopplingskartan/schema/interchange';

import { documentIssue } from '../import-issues.ts';
import type { ImportLimits } from '../import-limits.ts';
import { slugify } from '../../domain/ids.ts';
import type { SheetCollector } from '../sheet-collector.ts';
import { resolveColumn, resolveSheetName, type SheetName } from '../spreadsheet-layout.ts';
import { XmlError } from '../xml-stream.ts';
import { DERIVED_NODE_KEYS, GRAPH_DATA_PREFIX } from './graphml-export.ts';
import { type GraphmlFile, readGraphml, type XmlElement, type XmlKey } from './graphml-reader.ts';

export interface GraphmlOptions {
  /** The level for nodes without one (the organisation's top chain level). */
  defaultLevelKey: string;
  /** The uploaded file's name, for saying where it is not well-formed. */
  fileName?: string;
  /** Refuse (IMPORT_TOO_LARGE) past these limits' row count, as the nodes and edges are read. */
  limits?: ImportLimits;
}

class Counter {
  readonly counts = new Map<string, number>();
  add(message: string): void {
    this.counts.set(message, (this.counts.get(message) ?? 0) + 1);
  }
}

/** One row's cells, set and read by column key. */
class RowCells {
  constructor(
    private readonly table: RowTable,
    private readonly cells: string[],
  ) {}

  get(key: string): string | undefined {
    const at = this.table.indexOf(key);
    return at < 0 ? undefined : this.cells[at];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: string): void {
    this.cells[this.table.column(key)] = value;
  }
}

/**
 * Rows built one by one whose columns are only known at the end: the header is every column
 * used, in order of first use. Each row is a plain list, not a Map, to keep 100,000 edges small.
 */
class RowTable {
  readonly columns: string[] = [];
  readonly rows: string[][] = [];
  private readonly index = new Map<string, number>();

  constructor(first: readonly string[]) {
    for (const key of first) this.column(key);
  }

  indexOf(key: string): number {
    return this.index.get(key) ?? -1;
  }

  /** The column's place, added at the end when it is new. */
  column(key: string): number {
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.columns.push(key) - 1;
      this.index.set(key, at);
    }
    return at;
  }

  /** A new row, whose cells are then set by column key. */
  add(): RowCells {
    const row: string[] = [];
    this.rows.push(row);
    return new RowCells(this, row);
  }

  /** Hands every row to the sheet in header order (blanks for cells never set), then lets them go. */
  emit(sink: { row(row: number, cells: readonly string[]): void } | null): void {
    const width = this.columns.length;
    this.rows.forEach((row, i) => {
      const cells: string[] = new Array<string>(width);
      for (let c = 0; c < width; c++) cells[c] = row[c] ?? '';
      sink?.row(i + 2, cells);
    });
    this.rows.length = 0;
  }
}

function unreadable(collector: SheetCollector, message: string): void {
  collector.issue(documentIssue(null, 'UNREADABLE_FILE', message));
}

/**
 * Reads a GraphML file, as a stream of bytes, into the rows of the spreadsheet layout.
 * Errors of the stream itself (a size limit) are passed on; a file that is not XML is an issue.
 */
export async function collectGraphml(
  chunks: AsyncIterable<Buffer | string>,
  collector: SheetCollector,
  options: GraphmlOptions,
): Promise<void> {
  let file: GraphmlFile;
  try {
    file = await readGraphml(chunks, { fileName: options.fileName, limits: options.limits });
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    unreadable(collector, `not well-formed XML: ${error.message}`);
    return;
  }
  const graph = file.graph;
  if (!graph) {
    unreadable(collector, 'no <graph> in this GraphML file');
    return;
  }
  if (file.graphCount > 1) {
    collector.note({ sheet: null, message: 'the file holds several graphs; only the first was read' });
  }
  const keys = new Map(file.keys.map((key) => [key.id, key]));
  const attrName = (id: string | undefined) => (id ? (keys.get(id)?.attrName ?? id) : '');
  const unmapped = new Counter();
  const defaulted = new Counter();

  // Graph-level data from our own export: whole sheets in the spreadsheet layout.
  let hasScenarioSheet = false;
  for (const data of graph.data) {
    const name = attrName(data.key);
    const sheet: SheetName | null = name.startsWith(GRAPH_DATA_PREFIX)
      ? resolveSheetName(name.slice(GRAPH_DATA_PREFIX.length))
      : null;
    if (!sheet) {
      unmapped.add(`graph attribute "${name}" could not be mapped; ignored`);
      continue;
    }
    let table: unknown;
    try {
      table = JSON.parse(data.text);
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

  const nodeIds = collectNodes(graph.nodes, collector, { keys, attrName, unmapped, defaulted, ...options });
  graph.nodes = [];
  collectEdges(graph, collector, { attrName, unmapped, defaulted, nodeIds, hasScenarioSheet });

  for (const [message, count] of unmapped.counts) collector.note({ sheet: null, message, count });
  for (const [message, count] of defaulted.counts) collector.note({ sheet: null, message, count });
}

interface Reading {
  attrName: (id: string | undefined) => string;
  unmapped: Counter;
  defaulted: Counter;
}

/** Nodes → actors. @returns the actor id each node id became. */
function collectNodes(
  nodes: readonly XmlElement[],
  collector: SheetCollector,
  options: Reading & GraphmlOptions & { keys: ReadonlyMap<string, XmlKey> },
): Map<string, string> {
  const { keys, attrName, unmapped, defaulted } = options;
  const nodeIds = new Map<string, string>();
  const table = new RowTable(['id']);
  const columnOf = memoised((name: string) => resolveColumn('actors', name));
  for (const node of nodes) {
    const cells = table.add();
    const rawId = node.id ?? '';
    let id = rawId;
    if (!idSchema.safeParse(rawId).success) {
      id = slugify(rawId) || `node-${nodeIds.size + 1}`;
      defaulted.add('node ids that are not valid ids were turned into ones that are');
    }
    nodeIds.set(rawId, id);
    cells.set('id', id);
    for (const data of node.data) {
      const key = keys.get(data.key ?? '');
      if (key?.yfilesType === 'nodegraphics') {
        if (data.label && !cells.has('name')) cells.set('name', data.label);
        continue;
      }
      const name = attrName(data.key);
      if (DERIVED_NODE_KEYS.includes(name)) continue;
      const column = columnOf(name);
      if (!column || column.key === 'id') {
        unmapped.add(`node attribute "${name}" could not be mapped; ignored`);
        continue;
      }
      cells.set(column.key, data.text);
    }
    if (!cells.get('name')?.trim()) {
      cells.set('name', rawId);
      defaulted.add('nodes without a label were named by their id');
    }
    if (!cells.get('level')?.trim()) {
      cells.set('level', options.defaultLevelKey);
      defaulted.add(`nodes without a level were put on level "${options.defaultLevelKey}"`);
    }
  }
  const actors = collector.begin('actors', table.columns, 'actors');
  table.emit(actors);
  actors?.end();
  return nodeIds;
}

/** Edges → links. */
function collectEdges(
  graph: XmlElement & { edges: XmlElement[] },
  collector: SheetCollector,
  options: Reading & { nodeIds: ReadonlyMap<string, string>; hasScenarioSheet: boolean },
): void {
  const { attrName, unmapped, defaulted, nodeIds, hasScenarioSheet } = options;
  const isUndirected = graph.edgedefault === 'undirected';
  const table = new RowTable(hasScenarioSheet ? ['id', 'source', 'target', 'scenario'] : ['id', 'source', 'target']);
  const columnOf = memoised((name: string) => resolveColumn('links', name));
  for (const edge of graph.edges) {
    const cells = table.add();
    const rawId = edge.id;
    cells.set('id', rawId && idSchema.safeParse(rawId).success ? rawId : '');
    cells.set('source', nodeIds.get(edge.source ?? '') ?? edge.source ?? '');
    cells.set('target', nodeIds.get(edge.target ?? '') ?? edge.target ?? '');
    if (hasScenarioSheet) cells.set('scenario', graph.id ?? '');
    if (isUndirected || edge.directed === 'false') defaulted.add('undirected edges were read as source → target');
    for (const data of edge.data) {
      const name = attrName(data.key);
      const column = columnOf(name);
      if (!column || ['id', 'source', 'target', 'scenario'].includes(column.key)) {
        unmapped.add(`edge attribute "${name}" could not be mapped; ignored`);
        continue;
      }
      cells.set(column.key, data.text);
    }
    if (!cells.get('coupling')?.trim()) {
      cells.set('coupling', 'LOOSE');
      defaulted.add('edges without a coupling were set to loose');
    }
    if (!cells.get('kind')?.trim()) {
      cells.set('kind', 'DIALOGUE');
      defaulted.add('edges without a kind were set to dialogue');
    }
  }
  graph.edges = [];
  const links = collector.begin('links', table.columns, 'links');
  table.emit(links);
  links?.end();
}

/** The same answer for the same attribute name, worked out once. */
function memoised<T>(resolve: (name: string) => T): (name: string) => T {
  const cache = new Map<string, T>();
  return (name) => {
    if (!cache.has(name)) cache.set(name, resolve(name));
    return cache.get(name)!;
  };
}
