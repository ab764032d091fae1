import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { DomainError } from '../domain/errors.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import type { ImportFormat } from './import-source.ts';
import { repeatedEntry, smallEntry, zipOf } from './test/bombs.ts';
import { planBytes } from './test/round-trip.ts';

const MIB = 1024 * 1024;

/** The refusal a plan ends in, or null when it was planned. */
async function refusal(bytes: Buffer | string, format: ImportFormat, limits: Partial<ImportLimits>) {
  try {
    await planBytes(bytes, {
      format,
      sheet: 'actors',
      organisationName: 'Prov',
      limits: { ...DEFAULT_IMPORT_LIMITS, ...limits },
    });
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: error.message, ...error.details };
  }
}

function actorsCsv(rows: number, level = 'teacher'): string {
  return `name,level\r\n${Array.from({ length: rows }, (_, i) => `Lärare ${i},${level}\r\n`).join('')}`;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Rows inside <sheetData>: as written, or a first row followed by one row repeated. */
type SheetData = string | { head: string; unit: string; count: number };

/** A workbook of the given sheets (name → rows) and shared strings. */
async function workbook(sheets: Record<string, SheetData>, sharedStrings: string[] = []): Promise<Buffer> {
  const names = Object.keys(sheets);
  return zipOf([
    await smallEntry(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${names
        .map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    await smallEntry(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ),
    await smallEntry(
      'xl/sharedStrings.xml',
      `<sst xmlns="${MAIN}">${sharedStrings.map((text) => `<si><t>${text}</t></si>`).join('')}</sst>`,
    ),
    ...(await Promise.all(
      names.map((name, i) => {
        const data = sheets[name]!;
        const { head, unit, count } = typeof data === 'string' ? { head: '', unit: data, count: 1 } : data;
        return repeatedEntry(`xl/worksheets/sheet${i + 1}.xml`, {
          head: `<worksheet xmlns="${MAIN}"><sheetData>${head}`,
          unit,
          count,
          tail: '</sheetData></worksheet>',
        });
      }),
    )),
  ]);
}

const sharedRow = (...indexes: number[]) => `<row>${indexes.map((i) => `<c t="s"><v>${i}</v></c>`).join('')}</row>`;

describe('import limits', () => {
  it('refuses an upload over IMPORT_MAX_UPLOAD_MB', async () => {
    expect(await refusal(actorsCsv(100), 'csv', { maxUploadBytes: 1000 })).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      limit: 'maxUploadBytes',
      setting: 'IMPORT_MAX_UPLOAD_MB',
      max: 1000,
    });
  });

  it('refuses more rows than IMPORT_MAX_ROWS in CSV, GraphML and JSON, and takes exactly the limit', async () => {
    const limits = { maxRows: 10 };
    expect(await refusal(actorsCsv(10), 'csv', limits)).toBeNull();
    const tooMany = await refusal(actorsCsv(11), 'csv', limits);
    expect(tooMany).toMatchObject({ code: 'IMPORT_TOO_LARGE', limit: 'maxRows', setting: 'IMPORT_MAX_ROWS', max: 10 });
    expect(tooMany!.message).toBe(
      "The file has more rows than the server reads: the limit is 10 rows (the server's IMPORT_MAX_ROWS setting raises it).",
    );
    const nodes = Array.from({ length: 11 }, (_, i) => `<node id="n${i}"/>`).join('');
    const graphml = `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">${nodes}</graph></graphml>`;
    expect(await refusal(graphml, 'graphml', limits)).toMatchObject({ limit: 'maxRows' });
    const json = JSON.stringify({
      format: 'kopplingskartan',
      version: 1,
      organisation: { id: 'x', name: 'X', kind: 'OTHER', levels: [{ key: 'a', name: 'A', isSide: false }] },
      actors: Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, name: `A${i}`, levelKey: 'a' })),
      scenarios: [{ id: 's', name: 'S', kind: 'CURRENT' }],
    });
    expect(await refusal(json, 'json', limits)).toMatchObject({ limit: 'maxRows' });
  });

  it('refuses more problems than IMPORT_MAX_ISSUES, listing the first of them', async () => {
    const refused = await refusal(actorsCsv(20, 'no-such-level'), 'csv', { maxIssues: 5 });
    expect(refused).toMatchObject({ code: 'IMPORT_TOO_LARGE', limit: 'maxIssues', setting: 'IMPORT_MAX_ISSUES' });
    expect(refused!.issues).toHaveLength(5);
    expect(await refusal(actorsCsv(5, 'no-such-level'), 'csv', { maxIssues: 5 })).toBeNull();
  });

  it('refuses ZIP content over IMPORT_MAX_UNCOMPRESSED_MB however well or badly it compresses', async () => {
    // Random names: about 1.5:1, far under any ratio limit, and 2 MiB once inflated.
    const names = randomBytes(1.4 * MIB).toString('base64url');
    const zip = await zipOf([
      await repeatedEntry('actors.csv', { head: 'name,level\r\n', unit: `${names},teacher\r\n`, count: 1 }),
    ]);
    expect(zip.length).toBeGreaterThan(MIB);
    const refused = await refusal(zip, 'zip', { maxUncompressedBytes: MIB });
    expect(refused).toMatchObject({ limit: 'maxUncompressedBytes', setting: 'IMPORT_MAX_UNCOMPRESSED_MB' });
    expect(refused!.message).toMatch(/the limit is 1 MiB/);
  });

  it('counts a shared string of an XLSX each time a cell uses it', async () => {
    // 2,000 cells use one 1 KiB string: a 60 KiB sheet whose cells hold 2 MiB of text.
    const xlsx = await workbook({ actors: sharedRow(0, 1) + sharedRow(2, 3).repeat(2000) }, [
      'name',
      'level',
      'x'.repeat(1024),
      'teacher',
    ]);
    expect(await refusal(xlsx, 'xlsx', { maxUncompressedBytes: MIB })).toMatchObject({ limit: 'maxUncompressedBytes' });
  });

  it('reads a sheet that is not of the layout no further than its header', async () => {
    // Behind its header, the notes sheet is a bomb: 50 MiB of rows at over 1000:1.
    const cell = '<c t="inlineStr"><is><t>x</t></is></c>';
    const xlsx = await workbook(
      {
        anteckningar: { head: `<row>${cell}</row>`, unit: `<row>${cell}</row>`, count: 1_000_000 },
        actors: sharedRow(0, 1),
      },
      ['name', 'level'],
    );
    const plan = await planBytes(xlsx, { format: 'xlsx', organisationName: 'Prov' });
    expect(plan.notes).toContainEqual({
      sheet: null,
      message: 'sheet "anteckningar" is not a sheet of this layout; skipped',
    });
  });
});
