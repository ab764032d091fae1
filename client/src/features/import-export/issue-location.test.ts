import { describe, expect, it } from 'vitest';

import { issueLocation } from './issue-location.ts';

describe('issueLocation', () => {
  it('names the sheet as the file does, with the row and the column header as written', () => {
    expect(issueLocation({ sheet: 'links', sheetName: 'Kopplingar', row: 3, column: 'mål', field: 'target' })).toEqual({
      type: 'cell',
      sheet: { written: 'Kopplingar' },
      row: 3,
      column: 'mål',
    });
  });
  it('names a sheet the file lacks by its kind', () => {
    expect(issueLocation({ sheet: 'organisation', sheetName: null, row: null, column: 'name', field: 'name' })).toEqual(
      {
        type: 'cell',
        sheet: { list: 'organisation' },
        row: null,
        column: 'name',
      },
    );
  });
  it('finds the list, item and field of a document path', () => {
    expect(issueLocation({ sheet: null, row: null, column: null, field: 'scenarios[0].links[3].targetId' })).toEqual({
      type: 'cell',
      sheet: { list: 'links' },
      row: 4,
      column: 'targetId',
    });
    expect(issueLocation({ sheet: null, row: null, column: null, field: 'organisation.name' })).toEqual({
      type: 'cell',
      sheet: { list: 'organisation' },
      row: null,
      column: 'name',
    });
  });
  it('says a problem with no place concerns the whole file', () => {
    expect(issueLocation({ sheet: null, row: null, column: null, field: null })).toEqual({ type: 'file' });
    expect(issueLocation({ sheet: null, row: null, column: null, field: 'format' })).toEqual({ type: 'file' });
  });
});
