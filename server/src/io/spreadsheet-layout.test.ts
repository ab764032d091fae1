import { describe, expect, it } from 'vitest';

import { normaliseWord, resolveColumn, resolveSheetName, SHEETS } from './spreadsheet-layout.ts';

describe('the spreadsheet layout', () => {
  it('has no header word that names two columns of one sheet', () => {
    for (const sheet of SHEETS) {
      const owner = new Map<string, string>();
      for (const column of sheet.columns) {
        for (const word of [column.key, column.sv, column.field ?? '', ...(column.aliases ?? [])].filter(Boolean)) {
          const key = normaliseWord(word);
          expect(owner.get(key) ?? column.key, `${sheet.name}: "${word}"`).toBe(column.key);
          owner.set(key, column.key);
        }
      }
    }
  });

  it('matches headers and sheet names in either language, ignoring case, spaces and accents', () => {
    expect(resolveColumn('actors', ' Nivå ')?.key).toBe('level');
    expect(resolveColumn('actors', 'niva')?.key).toBe('level');
    expect(resolveColumn('links', 'Källa')?.key).toBe('source');
    expect(resolveColumn('links', 'MÅL')?.key).toBe('target');
    expect(resolveColumn('links', 'Target responds')?.key).toBe('targetResponds');
    expect(resolveColumn('links', 'weight')).toBeNull();
    expect(resolveSheetName('Kopplingar')).toBe('links');
    expect(resolveSheetName('aktörer')).toBe('actors');
    expect(resolveSheetName('Sheet1')).toBeNull();
  });
});
