import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readDocument } from '../domain/document.ts';
import { csvZip } from './csv/csv-export.ts';
import type { SheetRows } from './document-sheets.ts';
import type { ImportIssue } from './import-issues.ts';
import { readAll } from './import-source.ts';
import { exampleDocument } from './template.ts';
import { planBytes, planned } from './test/round-trip.ts';

const example = readDocument(exampleDocument()).document;

function sheet(name: SheetRows['name'], header: string[], rows: string[][]): SheetRows {
  return { name, header, rows, rowCount: rows.length };
}

async function zipOf(...sheets: SheetRows[]): Promise<Buffer> {
  return readAll(Readable.from(csvZip(sheets, 'sv')), 1e9);
}

const located = (issues: ImportIssue[]) =>
  issues
    .map(({ sheet, row, column, reason }) => ({ sheet, row, column, reason }))
    .sort((a, b) => `${a.sheet}${a.row}${a.column}`.localeCompare(`${b.sheet}${b.row}${b.column}`));

describe('planning an import', () => {
  it('rejects a link to an unknown actor, naming sheet, row and column', async () => {
    const zip = await zipOf(
      sheet('actors', ['namn', 'nivå'], [['Skolchef', 'förvaltning']]),
      sheet('links', ['källa', 'mål', 'koppling'], [['Skolchef', 'Okänd', 'lös']]),
    );
    const plan = await planBytes(zip, { format: 'zip', organisationName: 'Provkommun' });
    expect(plan.ok).toBe(false);
    expect(plan.contents).toBeNull();
    expect(plan.issues).toEqual([
      {
        sheet: 'links',
        // Named as the user's file names it (a Swedish ZIP): kopplingar, not links.
        sheetName: 'kopplingar.csv',
        row: 2,
        column: 'mål',
        field: 'target',
        reason: 'UNKNOWN_REFERENCE',
        message: 'no actor "Okänd"',
        value: 'Okänd',
      },
    ]);
  });

  it('names each problem’s sheet as the workbook does, and none for a problem outside any sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Aktörer').addRows([
      ['namn', 'nivå'],
      ['Skolchef', 'förvaltning'],
    ]);
    workbook.addWorksheet('Kopplingar').addRows([
      ['källa', 'mål', 'koppling'],
      ['Skolchef', 'Okänd', 'lös'],
    ]);
    const plan = await planBytes(Buffer.from(await workbook.xlsx.writeBuffer()), { format: 'xlsx' });
    expect(
      plan.issues.map(({ sheet, sheetName, row, column, field, reason }) => ({
        sheet,
        sheetName,
        row,
        column,
        field,
        reason,
      })),
    ).toEqual([
      // The file has no organisation sheet: its name is missing there, under the sheet's own name.
      { sheet: 'organisation', sheetName: null, row: null, column: 'name', field: 'name', reason: 'REQUIRED' },
      { sheet: 'links', sheetName: 'Kopplingar', row: 2, column: 'mål', field: 'target', reason: 'UNKNOWN_REFERENCE' },
      // The same name, found missing again by the document's own check: located by its path only.
      { sheet: null, sheetName: null, row: null, column: null, field: 'organisation.name', reason: 'REQUIRED' },
    ]);
  });

  it('reports every problem of a file with many errors, each on its sheet, row and column', async () => {
    const zip = await zipOf(
      sheet(
        'actors',
        ['Namn', 'NIVÅ'],
        [
          ['Skolchef', 'förvaltning'],
          ['Rektor A', 'Rektor'],
          ['', 'lärare'],
          ['Lärare B', 'elev'],
          ['Rektor A', 'rektor'],
        ],
      ),
      sheet(
        'links',
        ['scenario', 'källa', 'mål', 'koppling', 'slag'],
        [
          ['', 'Skolchef', 'Rektor A', 'tät', 'styrning'],
          ['', 'Skolchef', 'Okänd', 'lös', 'dialog'],
          ['', 'Rektor A', 'Skolchef', 'jättetät', 'dialog'],
          ['', 'Rektor A', 'Rektor A', 'lös', 'dialog'],
          ['', 'Skolchef', 'Rektor A', 'lös', 'styrning'],
          ['Framtid', 'Skolchef', 'Rektor A', 'lös', 'stöd'],
          ['', 'Skolchef', 'Rektor A', '', 'tolkning'],
        ],
      ),
      sheet('perceptions', ['länk', 'respondent'], [['nope', 'rektor']]),
    );
    const plan = await planBytes(zip, { format: 'zip', organisationName: 'Provkommun' });
    expect(plan.ok).toBe(false);
    expect(located(plan.issues)).toEqual([
      { sheet: 'actors', row: 4, column: 'Namn', reason: 'REQUIRED' },
      { sheet: 'actors', row: 5, column: 'NIVÅ', reason: 'UNKNOWN_LEVEL' },
      { sheet: 'actors', row: 6, column: 'Namn', reason: 'DUPLICATE' },
      { sheet: 'links', row: 3, column: 'mål', reason: 'UNKNOWN_REFERENCE' },
      { sheet: 'links', row: 4, column: 'koppling', reason: 'INVALID' },
      { sheet: 'links', row: 5, column: 'mål', reason: 'SELF_LINK' },
      { sheet: 'links', row: 6, column: 'mål', reason: 'DUPLICATE' },
      { sheet: 'links', row: 7, column: 'scenario', reason: 'UNKNOWN_REFERENCE' },
      { sheet: 'links', row: 8, column: 'koppling', reason: 'COUPLING_REQUIRED' },
      { sheet: 'perceptions', row: 2, column: 'länk', reason: 'UNKNOWN_REFERENCE' },
    ]);
  });

  it('creates a new organisation from Swedish sheets, by name, with the default chain and current scenario', async () => {
    const zip = await zipOf(
      sheet(
        'actors',
        ['namn', 'nivå'],
        [
          ['Skolchef', 'Förvaltning'],
          ['Rektor Ekskolan', 'principal'],
        ],
      ),
      sheet(
        'links',
        ['källa', 'mål', 'målet svarar', 'källan svarar', 'särskiljande'],
        [['Skolchef', 'Rektor Ekskolan', 'ja', 'nej', 'ja']],
      ),
      sheet(
        'perceptions',
        ['länk', 'respondent', 'koppling'],
        [['Skolchef → Rektor Ekskolan', 'rektor', 'frikopplad']],
      ),
    );
    const plan = await planBytes(zip, { format: 'zip', organisationName: 'Nyby kommun' });
    expect(plan.issues).toEqual([]);
    const document = planned(plan);
    expect(document.organisation).toMatchObject({ id: 'nyby-kommun', name: 'Nyby kommun', kind: 'OTHER' });
    expect(document.organisation.levels.map((l) => l.key)).toEqual([
      'politics',
      'administration',
      'principal',
      'teacher',
      'support',
    ]);
    expect(document.actors.map((a) => [a.id, a.levelKey])).toEqual([
      ['rektor-ekskolan', 'principal'],
      ['skolchef', 'administration'],
    ]);
    const [current] = document.scenarios;
    expect(current).toMatchObject({ id: 'nulage', name: 'Nuläge', kind: 'CURRENT' });
    // Responsive one way and distinctive: derived as LOOSE; the kind defaults to dialogue.
    expect(current!.links).toMatchObject([
      { id: 'link-1', sourceId: 'skolchef', targetId: 'rektor-ekskolan', kind: 'DIALOGUE', coupling: 'LOOSE' },
    ]);
    expect(current!.perceptions).toMatchObject([{ linkId: 'link-1', respondent: 'rektor', coupling: 'DECOUPLED' }]);
    expect(plan.preview.counts.actor).toEqual({ created: 2, updated: 0, unchanged: 0, leftAlone: 0, deleted: 0 });
  });

  it('merges into an existing organisation: updates by name, adds new, leaves the rest alone', async () => {
    const zip = await zipOf(
      sheet(
        'actors',
        ['name', 'level', 'role'],
        [
          ['skolchef', 'administration', 'Ny roll'],
          ['Ny rektor', 'principal', ''],
        ],
      ),
    );
    const plan = await planBytes(zip, { format: 'zip', mode: 'MERGE', existing: example });
    expect(plan.issues).toEqual([]);
    expect(plan.preview.counts.actor).toEqual({ created: 1, updated: 1, unchanged: 0, leftAlone: 4, deleted: 0 });
    expect(plan.preview.counts.link).toEqual({ created: 0, updated: 0, unchanged: 0, leftAlone: 5, deleted: 0 });
    expect(plan.preview.changes).toEqual([
      { kind: 'actor', action: 'updated', id: 'skolchef', name: 'Skolchef', sheet: 'actors', row: 2 },
      { kind: 'actor', action: 'created', id: 'ny-rektor', name: 'Ny rektor', sheet: 'actors', row: 3 },
    ]);
    const document = planned(plan);
    expect(document.actors.find((a) => a.id === 'skolchef')).toMatchObject({
      name: 'Skolchef',
      role: 'Ny roll',
      tags: ['ledning'],
    });
    expect(document.scenarios[0]!.links).toHaveLength(4);
  });

  it('replaces only the sheets the file has; perceptions of removed links go with them', async () => {
    const zip = await zipOf(
      sheet('links', ['source', 'target', 'coupling'], [['skolchef', 'rektor-ekskolan', 'tight']]),
    );
    const plan = await planBytes(zip, { format: 'zip', mode: 'REPLACE', existing: example });
    expect(plan.issues).toEqual([]);
    expect(plan.preview.counts.link).toEqual({ created: 1, updated: 0, unchanged: 0, leftAlone: 0, deleted: 5 });
    expect(plan.preview.counts.perception).toEqual({ created: 0, updated: 0, unchanged: 0, leftAlone: 0, deleted: 2 });
    expect(plan.preview.counts.actor.leftAlone).toBe(5);
  });

  it('maps a domain rule broken by the merge back to the row: coupling that contradicts the ratings', async () => {
    const zip = await zipOf(
      sheet(
        'links',
        ['id', 'coupling', 'target responds', 'source responds', 'distinctive'],
        [['l1', 'tight', 'no', 'no', 'yes']],
      ),
    );
    const plan = await planBytes(zip, { format: 'zip', mode: 'MERGE', existing: example });
    expect(located(plan.issues)).toEqual([
      { sheet: 'links', row: 2, column: 'coupling', reason: 'COUPLING_CONTRADICTS_RATINGS' },
    ]);
  });

  it('refuses an unreadable file without throwing', async () => {
    const plan = await planBytes('not a zip', { format: 'zip', organisationName: 'X' });
    expect(plan.ok).toBe(false);
    expect(plan.issues[0]).toMatchObject({ reason: 'UNREADABLE_FILE' });
  });

  it('reads a single CSV with semicolons and a byte-order mark, guessing its sheet from the headers', async () => {
    const csv = '\uFEFFNamn;Nivå;Taggar\r\nRektor Åsen;rektor;"a; b"\r\n';
    const plan = await planBytes(csv, { format: 'csv', mode: 'MERGE', existing: example });
    expect(plan.issues).toEqual([]);
    expect(planned(plan).actors.find((a) => a.id === 'rektor-asen')).toMatchObject({
      name: 'Rektor Åsen',
      tags: ['a', 'b'],
    });
  });
});
