import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { ContentBudget } from '../import-limits.ts';
import type { SheetCollector } from '../sheet-collector.ts';
import { collectXlsx } from './xlsx-import.ts';

/** What `collectXlsx` hands a collector, as a list. */
async function collected(bytes: Buffer): Promise<unknown[]> {
  const log: unknown[] = [];
  const collector = {
    begin: (name: string, headers: readonly string[]) => {
      log.push(['sheet', name, [...headers]]);
      return { row: (row: number, cells: readonly string[]) => log.push([row, [...cells]]), end: () => {} };
    },
  };
  await collectXlsx(bytes, collector as unknown as SheetCollector, new ContentBudget());
  return log;
}

describe('XLSX import', () => {
  it('reads every kind of cell a spreadsheet program writes, as text', async () => {
    // exceljs's in-memory writer uses shared strings and styles, as Excel does.
    const workbook = new ExcelJS.Workbook();
    const actors = workbook.addWorksheet('Aktörer & co');
    actors.addRow(['id', 'name', 'notes']);
    actors.getRow(2).values = ['a1', 'Rektor Björk', 'två\r\nrader'];
    actors.getCell('A4').value = { richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text' }] };
    actors.getCell('C4').value = 'a &amp; b';
    const values = workbook.addWorksheet('values');
    values.addRow(['header']);
    values.getRow(2).values = [
      1.5,
      42,
      true,
      false,
      { formula: 'A2*2', result: 3 },
      { formula: 'A2-A2', result: 0 },
      { formula: 'B1', result: 'text result' },
      { error: '#N/A' },
      new Date(Date.UTC(2026, 0, 31)),
    ];
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    expect(await collected(bytes)).toEqual([
      ['sheet', 'Aktörer & co', ['id', 'name', 'notes']],
      [2, ['a1', 'Rektor Björk', 'två\nrader']],
      // A shared string is taken as it stands (only inline strings were decoded twice by exceljs).
      [4, ['Rich text', '', 'a &amp; b']],
      ['sheet', 'values', ['header']],
      // As exceljs read them with styles ignored: a formula's 0 result is empty, a date its serial number.
      [2, ['1.5', '42', 'true', 'false', '3', '', 'text result', '', '46053']],
    ]);
  });

  it('refuses what is not a workbook', async () => {
    await expect(collected(Buffer.from('not a zip'))).rejects.toThrow(/ZIP/);
  });
});
