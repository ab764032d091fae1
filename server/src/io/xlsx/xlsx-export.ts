/**
 * XLSX export with exceljs's streaming writer: rows are committed as they are written, so a
 * large organisation goes out without building the workbook in memory. The same writer makes
 * the template (instructions first, example rows) and the export (instructions last).
 */
import type { Writable } from 'node:stream';

import ExcelJS from 'exceljs';

import type { SheetRows } from '../document-sheets.ts';
import { type Lang, sheetSpec, sheetTitle } from '../spreadsheet-layout.ts';
import { instructionRows } from '../template.ts';

export interface XlsxOptions {
  lang: Lang;
  /** Put the instructions sheet first (template) rather than last (export). */
  isInstructionsFirst?: boolean;
}

function addInstructions(workbook: Workbook, lang: Lang): void {
  const sheet = workbook.addWorksheet(lang === 'sv' ? 'instruktioner' : 'instructions');
  sheet.columns = [{ width: 16 }, { width: 22 }, { width: 90 }];
  for (const row of instructionRows(lang)) sheet.addRow(row).commit();
  sheet.commit();
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

function newWorkbook(output: Writable): Workbook {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
}

/** One sheet: a frozen header row, then the rows as they come. */
function addTable(workbook: Workbook, title: string, header: string[], rows: Iterable<string[]>): void {
  const worksheet = workbook.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = header.map((cell) => ({ width: Math.max(10, Math.min(40, cell.length + 4)) }));
  worksheet.addRow(header).commit();
  for (const row of rows) worksheet.addRow(row).commit();
  worksheet.commit();
}

export async function writeXlsx(sheets: readonly SheetRows[], output: Writable, options: XlsxOptions): Promise<void> {
  const workbook = newWorkbook(output);
  if (options.isInstructionsFirst) addInstructions(workbook, options.lang);
  for (const sheet of sheets)
    addTable(workbook, sheetTitle(sheetSpec(sheet.name), options.lang), sheet.header, sheet.rows);
  if (!options.isInstructionsFirst) addInstructions(workbook, options.lang);
  await workbook.commit();
}

/** A workbook of one table (a perception round's answers). */
export async function writeXlsxTable(
  table: { title: string; header: string[]; rows: Iterable<string[]> },
  output: Writable,
): Promise<void> {
  const workbook = newWorkbook(output);
  addTable(workbook, table.title, table.header, table.rows);
  await workbook.commit();
}
