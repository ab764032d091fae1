/**
 * fast-check arbitraries over valid interchange documents: small organisations with awkward
 * text (formula starts, quotes, separators, Swedish letters, line breaks) to test round trips.
 */
import fc from 'fast-check';
import type { InterchangeDocument, LinkData } from '@kopplingskartan/schema/interchange';
import { COUPLINGS, LINK_KINDS, CADENCES, UNIT_KINDS } from '@kopplingskartan/schema/interchange';

import { deriveCoupling } from '../../domain/coupling.ts';
import { readDocument } from '../../domain/document.ts';

const CHARS = [
  'a',
  'b',
  'Z',
  'å',
  'ä',
  'Ö',
  ' ',
  '=',
  '+',
  '-',
  '@',
  "'",
  ';',
  '\\',
  '"',
  ',',
  '1',
  '\n',
  '\t',
  '<',
  '&',
  '→',
];
const chars = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 });
/** Text a person could have typed: never blank (a blank cell reads back as "nothing"). */
const text = chars.filter((s) => s.trim() !== '');
const optionalText = fc.option(text, { nil: null });
/** One line: names, roles, places and tags hold no tab or line break. */
const line = fc
  .string({ unit: fc.constantFrom(...CHARS.filter((c) => c !== '\n' && c !== '\t')), minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() !== '');
const optionalLine = fc.option(line, { nil: null });
const date = fc.constantFrom('2025-01-31', '2026-03-01', null);
const rating = fc.constantFrom(true, false, null);

const LEVEL_POOL = [
  { key: 'politics', name: 'Politik' },
  { key: 'administration', name: 'Förvaltning' },
  { key: 'principal', name: 'Rektor' },
  { key: 'teacher', name: 'Lärare' },
  { key: 'pupil', name: 'Elev' },
];

export interface DocumentShape {
  maxScenarios?: number;
}

export function arbitraryDocument(shape: DocumentShape = {}): fc.Arbitrary<InterchangeDocument> {
  const maxScenarios = shape.maxScenarios ?? 2;
  return fc
    .record({
      chain: fc.integer({ min: 1, max: 4 }),
      hasSide: fc.boolean(),
      orgName: line,
      description: optionalText,
      unitCount: fc.integer({ min: 0, max: 3 }),
      actorCount: fc.integer({ min: 2, max: 7 }),
      scenarioCount: fc.integer({ min: 1, max: maxScenarios }),
      seed: fc.infiniteStream(fc.nat()),
      texts: fc.infiniteStream(optionalText),
      names: fc.infiniteStream(line),
      lines: fc.infiniteStream(optionalLine),
      tags: fc.infiniteStream(fc.uniqueArray(line, { maxLength: 3, selector: (t) => t.trim() })),
      ratings: fc.infiniteStream(fc.tuple(rating, rating, rating)),
      dates: fc.infiniteStream(date),
    })
    .map((g) => {
      const next = () => g.seed.next().value as number;
      const pick = <T>(list: readonly T[]): T => list[next() % list.length]!;
      const nextText = () => g.texts.next().value as string | null;
      const nextName = () => g.names.next().value as string;
      const nextLine = () => g.lines.next().value as string | null;
      const levels = [
        ...LEVEL_POOL.slice(0, g.chain).map((l) => ({ ...l, isSide: false })),
        ...(g.hasSide ? [{ key: 'support', name: 'Stöd', isSide: true }] : []),
      ];
      const units = Array.from({ length: g.unitCount }, (_, i) => ({
        id: `u${i}`,
        name: nextName(),
        kind: pick(UNIT_KINDS),
        parentId: i > 0 && next() % 2 === 0 ? `u${next() % i}` : null,
        place: nextLine(),
      }));
      const actors = Array.from({ length: g.actorCount }, (_, i) => ({
        id: `a${i}`,
        name: nextName(),
        personName: nextLine(),
        levelKey: pick(levels).key,
        role: nextLine(),
        unitId: units.length > 0 && next() % 2 === 0 ? pick(units).id : null,
        tags: g.tags.next().value as string[],
        notes: nextText(),
      }));
      const kinds = ['CURRENT', 'DESIRED', 'OBSERVATION'] as const;
      const scenarios = Array.from({ length: g.scenarioCount }, (_, s) => {
        const arenas = Array.from({ length: next() % 3 }, (_, i) => ({
          id: `s${s}-ar${i}`,
          name: nextName(),
          cadence: next() % 2 === 0 ? pick(CADENCES) : null,
          description: nextText(),
          participantIds: [...new Set(actors.filter(() => next() % 3 === 0).map((a) => a.id))],
        }));
        const seen = new Set<string>();
        const links: LinkData[] = [];
        for (let i = 0; i < next() % 8; i++) {
          const source = pick(actors).id;
          const target = pick(actors).id;
          const kind = pick(LINK_KINDS);
          const key = `${source}|${target}|${kind}`;
          if (source === target || seen.has(key)) continue;
          seen.add(key);
          const [targetResponds, sourceResponds, distinctive] = g.ratings.next().value as Array<boolean | null>;
          const ratings = {
            targetResponds: targetResponds!,
            sourceResponds: sourceResponds!,
            distinctive: distinctive!,
          };
          links.push({
            id: `s${s}-l${i}`,
            sourceId: source,
            targetId: target,
            kind,
            coupling: deriveCoupling(ratings) ?? pick(COUPLINGS),
            ...ratings,
            arenaId: arenas.length > 0 && next() % 2 === 0 ? pick(arenas).id : null,
            cadence: next() % 3 === 0 ? pick(CADENCES) : null,
            evidence: Array.from({ length: next() % 3 }, () => ({
              text: nextName(),
              date: g.dates.next().value as string | null,
              source: nextLine(),
            })),
            notes: nextText(),
            confidential: next() % 2 === 0,
            partnershipStage: next() % 2 === 0 ? 1 + (next() % 5) : null,
          });
        }
        const perceptions = links.slice(0, 2).map((link, i) => ({
          id: `s${s}-p${i}`,
          linkId: link.id,
          respondent: nextName(),
          respondentActorId: next() % 2 === 0 ? pick(actors).id : null,
          observedAt: g.dates.next().value as string | null,
          coupling: next() % 2 === 0 ? pick(COUPLINGS) : null,
          targetResponds: null,
          sourceResponds: null,
          distinctive: null,
          comment: nextText(),
          confidential: next() % 2 === 0,
        }));
        const initiatives = Array.from({ length: next() % 2 }, (_, i) => ({
          id: `s${s}-i${i}`,
          name: nextName(),
          description: nextText(),
          ownerId: next() % 2 === 0 ? pick(actors).id : null,
          targetActorIds: [...new Set(actors.filter(() => next() % 2 === 0).map((a) => a.id))],
          targetUnitIds: [...new Set(units.filter(() => next() % 2 === 0).map((u) => u.id))],
          learningDimensions: next() % 2 === 0 ? (['CONTENT', 'INTERACTION'] as const).slice() : [],
          evidence: Array.from({ length: next() % 2 }, () => ({ text: nextName(), date: null, source: null })),
        }));
        return {
          id: `s${s}`,
          name: nextName(),
          kind: kinds[s]!,
          observedAt: kinds[s] === 'OBSERVATION' ? '2026-05-01' : null,
          description: nextText(),
          basedOnId: s > 0 ? 's0' : null,
          arenas,
          links,
          perceptions,
          initiatives,
        };
      });
      // readDocument both checks the generator and fills the document as an import would.
      return readDocument({
        format: 'kopplingskartan',
        version: 1,
        organisation: { id: 'org-1', name: g.orgName, kind: 'MUNICIPAL', description: g.description, levels },
        units,
        actors,
        scenarios,
      }).document;
    });
}
