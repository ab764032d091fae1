import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { readDocument } from '../domain/document.ts';
import { arbitraryDocument } from './test/arbitrary-document.ts';
import { canonical, exportAs, planBytes, planned } from './test/round-trip.ts';
import { exampleDocument } from './template.ts';

const example = readDocument(exampleDocument()).document;

describe('export then import gives the same organisation', () => {
  for (const format of ['zip', 'xlsx', 'json'] as const) {
    it(`${format}: the example organisation, English and Swedish layout`, async () => {
      for (const lang of ['en', 'sv'] as const) {
        const plan = await planBytes(await exportAs(example, format, lang), { format });
        expect(plan.issues).toEqual([]);
        expect(planned(plan)).toEqual(canonical(example));
      }
    });

    it(`${format}: generated organisations`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryDocument(), fc.constantFrom('en' as const, 'sv' as const), async (document, lang) => {
          const plan = await planBytes(await exportAs(document, format, lang), { format });
          expect(plan.issues).toEqual([]);
          expect(planned(plan)).toEqual(canonical(document));
        }),
        { numRuns: format === 'xlsx' ? 8 : 25 },
      );
    });
  }

  it('graphml: one scenario at a time, generated organisations', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument({ maxScenarios: 1 }), async (document) => {
        const plan = await planBytes(await exportAs(document, 'graphml'), { format: 'graphml' });
        expect(plan.issues).toEqual([]);
        expect(planned(plan)).toEqual(canonical(document));
      }),
      { numRuns: 25 },
    );
  });

  it('a JSON replace previews what it does to presentations', async () => {
    const step = { id: 's1', title: 'Kedjan' };
    const existing = readDocument({
      ...exampleDocument(),
      presentations: [
        { id: 'p-old', name: 'Gammal', steps: [step] },
        { id: 'p-kept', name: 'Kvar', steps: [step] },
      ],
    }).document;
    const replacement = {
      ...existing,
      presentations: [
        { ...existing.presentations[1]!, name: 'Omdöpt' },
        { id: 'p-new', name: 'Ny', steps: [step] },
      ],
    };
    const plan = await planBytes(JSON.stringify(replacement), { format: 'json', mode: 'REPLACE', existing });
    expect(plan.ok).toBe(true);
    expect(plan.preview.counts.presentation).toEqual({
      created: 1,
      updated: 1,
      unchanged: 0,
      leftAlone: 0,
      deleted: 1,
    });
  });

  it('a re-import of an export into the same organisation changes nothing', async () => {
    const plan = await planBytes(await exportAs(example, 'xlsx'), { format: 'xlsx', mode: 'MERGE', existing: example });
    expect(plan.ok).toBe(true);
    expect(plan.preview.counts.link).toEqual({ created: 0, updated: 0, unchanged: 5, leftAlone: 0, deleted: 0 });
    expect(plan.preview.counts.actor).toEqual({ created: 0, updated: 0, unchanged: 5, leftAlone: 0, deleted: 0 });
    expect(plan.preview.changes).toEqual([]);
  });
});
