/**
 * XLSX import, read straight from the file's XML: each worksheet is inflated and scanned as a
 * stream, and every row handed to the collector as text as soon as it ends, so a workbook with
 * 100,000 links is never held as an object model (only its compressed bytes are). exceljs's
 * streaming reader, used before, made a Row and a Cell object per cell at three times the cost,
 * wrote worksheets to temporary files when the workbook had no shared strings (as our own
 * export has not), and now and then left out the last sheets of a workbook.
 *
 * A cell reads as exceljs read it (with styles ignored), so files import as before: shared and
 * inline strings (rich text joined), a formula's cached result, numbers as JavaScript writes
 * them, booleans as `true`/`false`, errors as empty cells, and dates as the serial numbers they
 * are stored as.
 */
import type { ContentBudget } from '../import-limits.ts';
import type { SheetCollector, SheetSink } from '../sheet-collector.ts';
import { type XmlAttributes, type XmlHandler, XmlStream } from '../xml-stream.ts';
import { type RawZipEntry, readZipRaw } from '../zip/zip.ts';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** Excel's last column, XFD. */
const MAX_COLUMN = 16_384;

/**
 * Inflates a ZIP entry in pieces, within the import's limits, and reads them as XML as they
 * come, until the entry ends or `isDone` says the rest is not wanted (it is then not inflated).
 */
async function scanEntry(
  budget: ContentBudget,
  entry: RawZipEntry,
  handler: XmlHandler,
  isDone: () => boolean = () => false,
): Promise<void> {
  const xml = new XmlStream(handler, { fileName: entry.name });
  for await (const chunk of budget.entry(entry)) {
    xml.write(chunk);
    if (isDone()) return;
  }
  xml.end();
}

/** exceljs's own decoding of string cells, applied after the XML's: kept so that text reads as before. */
function xmlDecode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (entity) => {
    switch (entity) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return entity;
    }
  });
}

/**
 * The shared strings, as text: a rich-text string is its runs joined; otherwise the text since
 * the last `<t>` (a phonetic reading's `<t>` replaces the string before it, as in exceljs).
 */
async function readSharedStrings(budget: ContentBudget, entry: RawZipEntry | undefined): Promise<string[] | null> {
  if (!entry) return null;
  const strings: string[] = [];
  let text: string | null = null;
  let runs: Array<string | null> = [];
  await scanEntry(budget, entry, {
    open: (name) => {
      if (name === 'si') {
        runs = [];
        text = null;
      } else if (name === 't') {
        text = null;
      }
    },
    text: (value) => {
      text = text ? text + value : value;
    },
    close: (name) => {
      if (name === 'r') {
        runs.push(text);
        text = null;
      } else if (name === 'si') {
        strings.push(runs.length > 0 ? runs.join('') : (text ?? ''));
        runs = [];
        text = null;
      }
    },
  });
  return strings;
}

interface SheetEntry {
  name: string;
  entry: RawZipEntry;
}

/** Where a relationship's target is in the ZIP: relative to `xl/`, or absolute from the root. */
function partName(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

/** The worksheets in the workbook's order, each with its name (the tab the person sees). */
async function worksheets(budget: ContentBudget, entries: ReadonlyMap<string, RawZipEntry>): Promise<SheetEntry[]> {
  const workbook = entries.get(WORKBOOK);
  if (!workbook) throw new Error('no workbook in this file (xl/workbook.xml)');
  const targets = new Map<string, string>();
  const rels = entries.get(WORKBOOK_RELS);
  if (rels) {
    await scanEntry(budget, rels, {
      open: (name, attributes) => {
        if (
          name === 'Relationship' &&
          attributes['Id'] &&
          attributes['Target'] &&
          attributes['Type']?.endsWith('/worksheet')
        ) {
          targets.set(attributes['Id']!, partName(attributes['Target']!));
        }
      },
      text: () => {},
      close: () => {},
    });
  }
  const sheets: SheetEntry[] = [];
  await scanEntry(budget, workbook, {
    open: (name, attributes) => {
      const sheetName = name === 'sheet' ? attributes['name'] : undefined;
      const target = sheetName === undefined ? undefined : targets.get(attributes['r:id'] ?? '');
      const entry = target ? entries.get(target) : undefined;
      if (entry) sheets.push({ name: sheetName!, entry });
    },
    text: () => {},
    close: () => {},
  });
  return sheets;
}

/** Column number (1-based) of a cell reference such as `B12` or `$AA$3`; 0 when it has none. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code !== 36 /* $ */) break;
  }
  return column;
}

/** A cell being read: its type, formula and value text as the XML gives them. */
interface CellState {
  column: number;
  type: string | undefined;
  formula: { text: string } | null;
  value: { text: string } | null;
}

/** One cell's text, as exceljs's value read through `cellText` gave it. */
function cellText(cell: CellState, sharedStrings: readonly string[] | null): string {
  const { type, formula, value } = cell;
  if (!value) return '';
  if (formula) {
    const result = type === 'str' ? xmlDecode(value.text) : parseFloat(value.text);
    // exceljs keeps a formula's result only when it is truthy (a 0 or empty result reads as empty);
    // an empty formula (a shared formula's other cells) is plain data and keeps it.
    return formula.text !== '' && !result ? '' : String(result);
  }
  switch (type) {
    case 's':
      return sharedStrings?.[parseInt(value.text, 10)] ?? '';
    case 'inlineStr':
    case 'str':
      return xmlDecode(value.text);
    case 'e':
      return '';
    case 'b':
      return String(parseInt(value.text, 10) !== 0);
    default:
      return String(parseFloat(value.text));
  }
}

/**
 * Reads one worksheet, handing each row's cells (as text, in column order) to `onRow`, until
 * `onRow` answers false (the rest of the sheet is then left unread).
 */
async function readRows(
  budget: ContentBudget,
  entry: RawZipEntry,
  sharedStrings: readonly string[] | null,
  onRow: (row: number, cells: string[]) => boolean,
): Promise<void> {
  let isDone = false;
  let isInRows = false;
  let rowNumber = 0;
  let cells: string[] | null = null;
  let cell: CellState | null = null;
  // As in exceljs, text goes to the formula or value opened last, until another one opens.
  let current: { text: string } | null = null;
  await scanEntry(
    budget,
    entry,
    {
      open: (name, attributes: XmlAttributes) => {
        switch (name) {
          case 'sheetData':
            isInRows = true;
            break;
          case 'row':
            if (!isInRows) break;
            rowNumber = attributes['r'] ? parseInt(attributes['r']!, 10) : rowNumber + 1;
            cells = [];
            break;
          case 'c': {
            if (!cells) break;
            const ref = attributes['r'];
            cell = {
              column: ref ? columnOf(ref) : cells.length + 1,
              type: attributes['t'],
              formula: null,
              value: null,
            };
            break;
          }
          case 'f':
            if (cell) current = cell.formula = { text: '' };
            break;
          case 'v':
          case 'is':
          case 't':
            if (cell) current = cell.value = { text: '' };
            break;
        }
      },
      text: (text) => {
        if (current) current.text += text;
      },
      close: (name) => {
        switch (name) {
          case 'sheetData':
            isInRows = false;
            break;
          case 'row':
            if (!cells || isDone) break;
            isDone = !onRow(rowNumber, cells);
            cells = null;
            break;
          case 'c':
            if (!cells || !cell) break;
            if (cell.column > MAX_COLUMN)
              throw new Error(`cell ${cell.column} of row ${rowNumber} is beyond column XFD`);
            if (cell.column > 0 && (cell.value || cell.formula)) {
              while (cells.length < cell.column - 1) cells.push('');
              cells[cell.column - 1] = cellText(cell, sharedStrings);
            }
            cell = null;
            break;
        }
      },
    },
    () => isDone,
  );
}

/**
 * Reads the workbook's sheets into the collector. Only the parts named here are inflated (the
 * workbook, its relationships, the shared strings and the worksheets), each within `budget`.
 */
export async function collectXlsx(xlsx: Buffer, collector: SheetCollector, budget: ContentBudget): Promise<void> {
  const entries = new Map<string, RawZipEntry>();
  for (const entry of readZipRaw(xlsx)) entries.set(entry.name, entry);
  const sheets = await worksheets(budget, entries);
  const sharedStrings = await readSharedStrings(budget, entries.get(SHARED_STRINGS));
  for (const sheet of sheets) {
    let sink: SheetSink | null | undefined;
    await readRows(budget, sheet.entry, sharedStrings, (row, cells) => {
      if (sink === undefined) {
        if (cells.every((cell) => cell.trim() === '')) return true;
        sink = collector.begin(sheet.name, cells);
        // A sheet that is not one of ours is read no further than its header.
        return sink !== null;
      }
      sink?.row(row, cells);
      return true;
    });
    sink?.end();
  }
}
