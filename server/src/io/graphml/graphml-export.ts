/**
 * GraphML export of one scenario: actors are nodes, links are edges, and their fields are typed
 * GraphML keys (string, boolean, int) that Gephi, yEd, Cytoscape and networkx read as
 * attributes. The rest of the organisation (levels, units, the scenario's arenas, perceptions,
 * initiatives and evidence) rides along as graph-level data in the spreadsheet layout, so that
 * importing the file gives back the same organisation.
 */
import type { ActorData, InterchangeDocument, LinkData } from '@kopplingskartan/schema/interchange';

import { encodeList } from '../cell-values.ts';
import { documentSheets } from '../document-sheets.ts';
import type { SheetName } from '../spreadsheet-layout.ts';

type KeyType = 'string' | 'boolean' | 'int';
interface KeySpec<T> {
  name: string;
  type: KeyType;
  value: (record: T) => string | number | boolean | null;
}

/** Sheets carried as graph data; actors and links are the graph itself. */
export const GRAPH_DATA_SHEETS: readonly SheetName[] = [
  'organisation',
  'levels',
  'scenarios',
  'units',
  'arenas',
  'perceptions',
  'initiatives',
  'evidence',
];
export const GRAPH_DATA_PREFIX = 'kk.sheet.';

/** Node attributes written for other tools only; import ignores them. */
export const DERIVED_NODE_KEYS = ['levelName', 'levelRank', 'isSide', 'unitName'];

function nodeKeys(document: InterchangeDocument): Array<KeySpec<ActorData>> {
  const levels = new Map(document.organisation.levels.map((level) => [level.key, level]));
  const chain = document.organisation.levels.filter((level) => !level.isSide).map((level) => level.key);
  const units = new Map(document.units.map((unit) => [unit.id, unit.name]));
  return [
    { name: 'label', type: 'string', value: (a) => a.name },
    { name: 'level', type: 'string', value: (a) => a.levelKey },
    { name: 'levelName', type: 'string', value: (a) => levels.get(a.levelKey)?.name ?? null },
    { name: 'levelRank', type: 'int', value: (a) => (chain.includes(a.levelKey) ? chain.indexOf(a.levelKey) : null) },
    { name: 'isSide', type: 'boolean', value: (a) => levels.get(a.levelKey)?.isSide ?? null },
    { name: 'unit', type: 'string', value: (a) => a.unitId },
    { name: 'unitName', type: 'string', value: (a) => (a.unitId ? (units.get(a.unitId) ?? null) : null) },
    { name: 'personName', type: 'string', value: (a) => a.personName },
    { name: 'role', type: 'string', value: (a) => a.role },
    { name: 'tags', type: 'string', value: (a) => (a.tags.length > 0 ? encodeList(a.tags) : null) },
    { name: 'notes', type: 'string', value: (a) => a.notes },
  ];
}

const EDGE_KEYS: Array<KeySpec<LinkData>> = [
  { name: 'kind', type: 'string', value: (l) => l.kind },
  { name: 'coupling', type: 'string', value: (l) => l.coupling },
  { name: 'targetResponds', type: 'boolean', value: (l) => l.targetResponds },
  { name: 'sourceResponds', type: 'boolean', value: (l) => l.sourceResponds },
  { name: 'distinctive', type: 'boolean', value: (l) => l.distinctive },
  { name: 'arena', type: 'string', value: (l) => l.arenaId },
  { name: 'cadence', type: 'string', value: (l) => l.cadence },
  { name: 'notes', type: 'string', value: (l) => l.notes },
  { name: 'confidential', type: 'boolean', value: (l) => l.confidential },
  { name: 'partnershipStage', type: 'int', value: (l) => l.partnershipStage },
];

const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** XML text or attribute value: markup escaped, CR and tab as character references so parsers keep them. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"\r\t]/g, (c) => NAMED[c] ?? `&#${c.charCodeAt(0)};`);
}

function dataLines<T>(keys: Array<KeySpec<T>>, prefix: string, record: T): string {
  let out = '';
  for (const key of keys) {
    const value = key.value(record);
    if (value === null || value === undefined) continue;
    out += `<data key="${prefix}${key.name}">${escapeXml(String(value))}</data>`;
  }
  return out;
}

/**
 * The scenario as GraphML text, in chunks (one per few hundred elements) for streaming.
 * @param scenarioId the scenario to write; the current one when absent.
 */
export function* graphmlChunks(document: InterchangeDocument, scenarioId?: string): Generator<string> {
  const scenario =
    document.scenarios.find((s) => s.id === scenarioId) ??
    (scenarioId ? undefined : document.scenarios.find((s) => s.kind === 'CURRENT'));
  if (!scenario) throw new Error(`no scenario "${scenarioId ?? 'CURRENT'}"`);
  const single = { ...document, scenarios: [scenario] };
  const nodeSpecs = nodeKeys(document);
  const sheets = documentSheets(single, { sheets: GRAPH_DATA_SHEETS, isProtected: false });
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const sheet of sheets) {
    out += `  <key id="g_${sheet.name}" for="graph" attr.name="${GRAPH_DATA_PREFIX}${sheet.name}" attr.type="string"/>\n`;
  }
  for (const key of nodeSpecs)
    out += `  <key id="n_${key.name}" for="node" attr.name="${key.name}" attr.type="${key.type}"/>\n`;
  for (const key of EDGE_KEYS)
    out += `  <key id="e_${key.name}" for="edge" attr.name="${key.name}" attr.type="${key.type}"/>\n`;
  out += `  <graph id="${escapeXml(scenario.id)}" edgedefault="directed">\n`;
  for (const sheet of sheets) {
    const table = [sheet.header, ...sheet.rows];
    out += `    <data key="g_${sheet.name}">${escapeXml(JSON.stringify(table))}</data>\n`;
  }
  yield out;
  out = '';
  let count = 0;
  for (const actor of document.actors) {
    out += `    <node id="${escapeXml(actor.id)}">${dataLines(nodeSpecs, 'n_', actor)}</node>\n`;
    if (++count % 500 === 0) {
      yield out;
      out = '';
    }
  }
  for (const link of scenario.links) {
    out += `    <edge id="${escapeXml(link.id)}" source="${escapeXml(link.sourceId)}" target="${escapeXml(link.targetId)}">${dataLines(EDGE_KEYS, 'e_', link)}</edge>\n`;
    if (++count % 500 === 0) {
      yield out;
      out = '';
    }
  }
  yield `${out}  </graph>\n</graphml>\n`;
}
