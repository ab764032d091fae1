/**
 * Control characters in text: whatever a person types or a file holds, a value is either refused
 * (naming its field) or stored so that every export reads back as it was. Names and other
 * one-line values refuse every control character; multi-line texts keep tab and line breaks and
 * refuse what XML 1.0 cannot hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { readDocument } from '../domain/document.ts';
import { DomainError, type FieldIssue } from '../domain/errors.ts';
import { exampleDocument } from './template.ts';
import { canonical, exportAs, planBytes, planned } from './test/round-trip.ts';

/** Where a generated value goes: a path into the example document, and whether it is one line. */
const FIELDS = [
  { path: ['organisation', 'name'], isLine: true },
  { path: ['units', 0, 'name'], isLine: true },
  { path: ['actors', 0, 'name'], isLine: true },
  { path: ['actors', 0, 'personName'], isLine: true },
  { path: ['actors', 0, 'role'], isLine: true },
  { path: ['actors', 0, 'tags', 0], isLine: true },
  { path: ['actors', 0, 'notes'], isLine: false },
  { path: ['scenarios', 0, 'links', 0, 'notes'], isLine: false },
  { path: ['scenarios', 0, 'perceptions', 0, 'respondent'], isLine: true },
  { path: ['scenarios', 0, 'perceptions', 0, 'comment'], isLine: false },
  { path: ['scenarios', 0, 'initiatives', 0, 'description'], isLine: false },
] as const;

const UNITS = [
  'a',
  'Ö',
  ' ',
  ';',
  '"',
  '=',
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0001',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udc00',
  '\ud83d\ude00',
  '\ufffe',
  '\uffff',
];
const value = fc.string({ unit: fc.constantFrom(...UNITS), minLength: 1, maxLength: 8 }).map((s) => `x${s}y`);

function withValue(path: readonly (string | number)[], text: string): unknown {
  const document = structuredClone(exampleDocument()) as unknown as Record<string | number, unknown>;
  let node = document;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = text;
  return document;
}

function issuesOf(document: unknown): FieldIssue[] {
  try {
    readDocument(document);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.details.issues ?? [];
  }
}

const pathText = (path: readonly (string | number)[]) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${key}`)).join('');

describe('control characters in text', () => {
  it('are refused naming the field, or stored so that XLSX, CSV, GraphML and JSON read back the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), value, async (field, text) => {
        const document = withValue(field.path, text);
        const issues = issuesOf(document);
        if (issues.length > 0) {
          expect(issues.map((issue) => issue.field)).toEqual([pathText(field.path)]);
          return;
        }
        const { document: stored } = readDocument(document);
        // GraphML holds one scenario per file: the first is the one written to.
        const oneScenario = { ...stored, scenarios: [stored.scenarios[0]!] };
        for (const [format, expected] of [
          ['xlsx', stored],
          ['zip', stored],
          ['json', stored],
          ['graphml', oneScenario],
        ] as const) {
          const plan = await planBytes(await exportAs(expected, format), { format });
          expect(plan.issues).toEqual([]);
          expect(planned(plan)).toEqual(canonical(expected));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('refuses any control character in a one-line value and keeps tab and line breaks in texts', () => {
    expect(issuesOf(withValue(['actors', 0, 'name'], 'Rektor\tNorr'))).toMatchObject([
      { field: 'actors[0].name', reason: 'INVALID' },
    ]);
    expect(issuesOf(withValue(['actors', 0, 'personName'], 'Eva\nExempel'))).toMatchObject([
      { field: 'actors[0].personName' },
    ]);
    expect(issuesOf(withValue(['actors', 0, 'notes'], 'två\r\nrader\tmed tabb'))).toEqual([]);
    expect(issuesOf(withValue(['actors', 0, 'notes'], 'klocka\u0007'))).toMatchObject([{ field: 'actors[0].notes' }]);
    expect(issuesOf(withValue(['actors', 0, 'notes'], 'halvt \ud800 par'))).toMatchObject([
      { field: 'actors[0].notes' },
    ]);
    // A name read from a cell keeps no surrounding line break to refuse: it is trimmed first.
    expect(issuesOf(withValue(['actors', 0, 'name'], 'Rektor\n'))).toEqual([]);
  });
});
