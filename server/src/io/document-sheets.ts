/**
 * An interchange document as the rows of each sheet (the export side of the layout). CSV, XLSX
 * and GraphML write these rows; references are written as ids so that a round trip is exact
 * even when two actors share a name.
 */
import type { InterchangeDocument } from '@kopplingskartan/schema/interchange';

import { formatCell, protectCell } from './cell-values.ts';
import { headerOf, type Lang, sheetSpec, type SheetName, SHEETS } from './spreadsheet-layout.ts';

export interface SheetRows {
  name: SheetName;
  header: string[];
  /** Lazily produced rows, so a writer can stream a large sheet. */
  rows: Iterable<string[]>;
  /** An upper bound for progress and sizing. */
  rowCount: number;
}

export interface SheetExportOptions {
  lang?: Lang;
  /** Add a leading quote to cells a spreadsheet would run as a formula (CSV and XLSX: yes). */
  isProtected?: boolean;
  /** Only these sheets, in layout order. */
  sheets?: readonly SheetName[];
}

type Source = Record<string, unknown>;

/** The records (as plain objects with column-key values) of one sheet, in document order. */
function sourceRows(document: InterchangeDocument, name: SheetName): { count: number; rows: () => Iterable<Source> } {
  const { organisation, scenarios } = document;
  const perScenario = <T extends object>(list: (s: InterchangeDocument['scenarios'][number]) => T[]) => ({
    count: scenarios.reduce((sum, s) => sum + list(s).length, 0),
    rows: function* () {
      for (const s of scenarios) for (const record of list(s)) yield { ...record, scenario: s.id } as Source;
    },
  });
  switch (name) {
    case 'organisation':
      return { count: 1, rows: () => [organisation as Source] };
    case 'levels':
      return { count: organisation.levels.length, rows: () => organisation.levels as Source[] };
    case 'scenarios':
      return {
        count: scenarios.length,
        rows: () => scenarios.map(({ links: _l, arenas: _a, perceptions: _p, initiatives: _i, ...s }) => s as Source),
      };
    case 'units':
      return { count: document.units.length, rows: () => document.units as Source[] };
    case 'actors':
      return { count: document.actors.length, rows: () => document.actors as Source[] };
    case 'arenas':
      return perScenario((s) => s.arenas);
    case 'links':
      return perScenario((s) => s.links);
    case 'perceptions':
      return perScenario((s) => s.perceptions);
    case 'initiatives':
      return perScenario((s) => s.initiatives);
    case 'evidence':
      return {
        count: scenarios.reduce(
          (sum, s) =>
            sum +
            s.links.reduce((n, l) => n + l.evidence.length, 0) +
            s.initiatives.reduce((n, i) => n + i.evidence.length, 0),
          0,
        ),
        rows: function* () {
          for (const s of scenarios) {
            for (const [ownerKind, owners] of [
              ['link', s.links],
              ['initiative', s.initiatives],
            ] as const) {
              for (const owner of owners) {
                for (const note of owner.evidence) yield { ...note, scenario: s.id, ownerKind, owner: owner.id };
              }
            }
          }
        },
      };
  }
}

export function documentSheets(document: InterchangeDocument, options: SheetExportOptions = {}): SheetRows[] {
  const { lang = 'en', isProtected = true } = options;
  const names = options.sheets ?? SHEETS.map((sheet) => sheet.name);
  return SHEETS.filter((sheet) => names.includes(sheet.name)).map((sheet) => {
    const spec = sheetSpec(sheet.name);
    const source = sourceRows(document, sheet.name);
    const rows = function* () {
      for (const record of source.rows()) {
        yield spec.columns.map((column) => {
          const cell = formatCell(column.type, record[column.field ?? column.key], lang);
          return isProtected ? protectCell(cell) : cell;
        });
      }
    };
    return {
      name: sheet.name,
      header: spec.columns.map((column) => headerOf(column, lang)),
      rows: { [Symbol.iterator]: rows },
      rowCount: source.count,
    };
  });
}
