/**
 * Turns the rows of any tabular source (CSV, XLSX, GraphML attributes) into typed rows, one
 * sheet at a time, as they stream in: raw strings are dropped as soon as each cell is read, so
 * only parsed values stay in memory. Cell-level problems are collected, never thrown.
 */
import { parseCell, type CellValue, unprotectCell } from './cell-values.ts';
import type { ImportIssue, ImportNote } from './import-issues.ts';
import { checkIssueCount, checkRowCount, ContentBudget } from './import-limits.ts';
import {
  type ColumnSpec,
  IGNORED_SHEETS,
  normaliseWord,
  resolveColumn,
  resolveSheetName,
  SHEETS,
  type SheetName,
} from './spreadsheet-layout.ts';

export interface TypedRow {
  row: number;
  /** Values by column key; only the sheet's columns appear. */
  values: Record<string, CellValue>;
  /** Columns of this row whose cell could not be read: the merge leaves the row out. */
  isBroken: boolean;
}

export interface CollectedSheet {
  name: SheetName;
  /** The sheet as the file names it: "Kopplingar" in a workbook, "kopplingar.csv" in a ZIP. */
  writtenName: string;
  /** Header as written in the file, by column key. */
  headers: Map<string, string>;
  rows: TypedRow[];
}

export interface Collected {
  sheets: Map<SheetName, CollectedSheet>;
  issues: ImportIssue[];
  notes: ImportNote[];
}

export interface ImportProgress {
  sheet: SheetName;
  rows: number;
  isSheetDone: boolean;
}

export interface CollectorOptions {
  /** The import's limits and the content read so far (rows, issues and cell text are counted here). */
  budget?: ContentBudget;
  /** Strip the formula-injection quote that spreadsheet exports add (not for GraphML). */
  isProtected?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** How often (in rows) progress is reported. */
  progressEvery?: number;
}

export interface SheetSink {
  /** `cells` in header order; `row` as the file numbers it (header = 1). */
  row(row: number, cells: readonly string[]): void;
  end(): void;
}

export class SheetCollector {
  private readonly collected: Collected = { sheets: new Map(), issues: [], notes: [] };
  private readonly budget: ContentBudget;
  private rowCount = 0;

  constructor(private readonly options: CollectorOptions = {}) {
    this.budget = options.budget ?? new ContentBudget();
  }

  /** Starts a sheet; null when the sheet is not one of ours (it is noted and skipped). */
  begin(rawName: string, headers: readonly string[], known?: SheetName): SheetSink | null {
    const name = known ?? resolveSheetName(rawName);
    if (!name) {
      if (!IGNORED_SHEETS.includes(normaliseWord(rawName))) {
        this.collected.notes.push({
          sheet: null,
          message: `sheet "${rawName}" is not a sheet of this layout; skipped`,
        });
      }
      return null;
    }
    if (this.collected.sheets.has(name)) {
      this.issue({
        sheet: name,
        row: null,
        column: null,
        field: null,
        reason: 'DUPLICATE',
        message: `the file has two "${name}" sheets ("${rawName}")`,
      });
      return null;
    }
    const sheet: CollectedSheet = { name, writtenName: rawName, headers: new Map(), rows: [] };
    this.collected.sheets.set(name, sheet);
    const columns: Array<ColumnSpec | null> = headers.map((header) => {
      const clean = header.replace(/^\uFEFF/, '').trim();
      if (clean === '') return null;
      const column = resolveColumn(name, clean);
      if (!column) {
        this.collected.notes.push({ sheet: name, message: `column "${clean}" is not recognised; ignored` });
        return null;
      }
      if (sheet.headers.has(column.key)) {
        this.issue({
          sheet: name,
          row: 1,
          column: clean,
          field: column.key,
          reason: 'DUPLICATE',
          message: `"${clean}" and "${sheet.headers.get(column.key)}" are the same column`,
        });
        return null;
      }
      sheet.headers.set(column.key, clean);
      return column;
    });
    const { isProtected = false, onProgress, progressEvery = 5000 } = this.options;
    return {
      row: (row, cells) => {
        if (cells.every((cell) => cell.trim() === '')) return;
        this.countRow();
        const values: Record<string, CellValue> = {};
        let isBroken = false;
        columns.forEach((column, i) => {
          if (!column) return;
          const raw = cells[i] ?? '';
          this.budget.takeText(raw.length);
          const result = parseCell(column.type, isProtected ? unprotectCell(raw) : raw);
          if (result.ok) {
            values[column.key] = result.value;
          } else {
            isBroken = true;
            this.issue({
              sheet: name,
              row,
              column: sheet.headers.get(column.key) ?? column.key,
              field: column.key,
              reason: result.problem.reason,
              message: result.problem.message,
              value: raw,
            });
          }
        });
        sheet.rows.push({ row, values, isBroken });
        if (onProgress && sheet.rows.length % progressEvery === 0) {
          onProgress({ sheet: name, rows: sheet.rows.length, isSheetDone: false });
        }
      },
      end: () => onProgress?.({ sheet: name, rows: sheet.rows.length, isSheetDone: true }),
    };
  }

  private countRow(): void {
    checkRowCount(++this.rowCount, this.budget.limits);
  }

  /** Records a problem; reading stops once there are more than the limit allows. */
  issue(issue: ImportIssue): void {
    const { issues } = this.collected;
    issues.push(issue);
    checkIssueCount(issues, this.budget.limits);
  }

  note(note: ImportNote): void {
    this.collected.notes.push(note);
  }

  finish(): Collected {
    return this.collected;
  }
}

/** The sheet whose columns best match a CSV's headers, for a lone CSV file without a sheet name. */
export function guessSheet(headers: readonly string[]): SheetName | null {
  let best: { name: SheetName; score: number } | null = null;
  let isTie = false;
  for (const sheet of SHEETS) {
    const score = headers.filter((header) => resolveColumn(sheet.name, header.replace(/^\uFEFF/, '').trim())).length;
    if (!best || score > best.score) {
      best = { name: sheet.name, score };
      isTie = false;
    } else if (score === best.score) {
      isTie = true;
    }
  }
  return best && best.score > 0 && !isTie ? best.name : null;
}
