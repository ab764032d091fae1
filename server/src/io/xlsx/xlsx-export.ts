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

function addInstructions(workbook: ExcelJS.stream.xlsx.WorkbookWriter, lang: Lang): void {
  const sheet = workbook.addWorksheet(lang === 'sv' ? 'instruktioner' : 'instructions');
  sheet.columns = [{ width: 16 }, { width: 22 }, { width: 90 }];
  for (const row of instructionRows(lang)) sheet.addRow(row).commit();
  sheet.commit();
}

export async function writeXlsx(sheets: readonly SheetRows[], output: Writable, options: XlsxOptions): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  if (options.isInstructionsFirst) addInstructions(workbook, options.lang);
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetTitle(sheetSpec(sheet.name), options.lang), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    worksheet.columns = sheet.header.map((header) => ({ width: Math.max(10, Math.min(40, header.length + 4)) }));
    worksheet.addRow(sheet.header).commit();
    for (const row of sheet.rows) worksheet.addRow(row).commit();
    worksheet.commit();
  }
  if (!options.isInstructionsFirst) addInstructions(workbook, options.lang);
  await workbook.commit();
}
