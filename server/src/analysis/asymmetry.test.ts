import { describe, expect, it } from 'vitest';

import { asymmetry } from './asymmetry.ts';
import { buildGraphIndex } from './graph-index.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('asymmetry', () => {
  it('rejects a perception of an unknown link (through the index)', () => {
    const graph = makeGraph([], [], {
      perceptions: [
        {
          id: 'P',
          linkId: 'L',
          respondent: 'x',
          respondentActorId: null,
          coupling: 'TIGHT',
          targetResponds: null,
          sourceResponds: null,
          distinctive: null,
        },
      ],
    });
    expect(() => asymmetry(buildGraphIndex(graph))).toThrow();
  });

  it('finds the one-way link and the disagreeing perceptions (chain A)', () => {
    const result = asymmetry(buildGraphIndex(chainA()));
    expect(result.oneWayLinks).toEqual([
      { linkId: 'L5', sourceId: 'r1', targetId: 't2', coupling: 'LOOSE', targetResponds: false, sourceResponds: true },
    ]);
    expect(result.findings[0]!.explanation.en).toBe('r1 responds to t2, but t2 does not respond to r1.');
    // In the legend's words ("lyhörd"), not "svarar"/"responsiv".
    expect(result.findings[0]!.explanation.sv).toBe('r1 är lyhörd för t2, men t2 är inte lyhörd för r1.');
    // L2: LOOSE vs TIGHT disagree. L4: TIGHT given vs TIGHT derived from (yes, yes, not distinctive): agree.
    expect(result.disagreements).toEqual([
      {
        linkId: 'L2',
        aspects: ['COUPLING'],
        answers: [
          {
            perceptionId: 'P1',
            respondent: 'rektor',
            respondentActorId: 'r1',
            coupling: 'LOOSE',
            targetResponds: null,
            sourceResponds: null,
          },
          {
            perceptionId: 'P2',
            respondent: 'skolchef',
            respondentActorId: 'sup',
            coupling: 'TIGHT',
            targetResponds: null,
            sourceResponds: null,
          },
        ],
      },
    ]);
    expect(result.findings[1]!.explanation.sv).toBe(
      'Svaren om länken sup–r1 skiljer sig åt (rektor: lös; skolchef: tät).',
    );
    expect(result.findings[1]!.actorIds).toEqual(['sup', 'r1']);
  });

  it('compares directions answered by both, and ignores unassessed ones', () => {
    const graph = makeGraph(
      [
        ['a', 'principal'],
        ['b', 'teacher'],
      ],
      [
        ['L1', 'a', 'b', 'LOOSE', 'STEERING', { targetResponds: true, sourceResponds: null }],
        ['L2', 'a', 'b', 'TIGHT', 'DIALOGUE'],
      ],
      {
        perceptions: [
          {
            id: 'P1',
            linkId: 'L2',
            respondent: 'a',
            respondentActorId: 'a',
            coupling: null,
            targetResponds: true,
            sourceResponds: null,
            distinctive: null,
          },
          {
            id: 'P2',
            linkId: 'L2',
            respondent: 'b',
            respondentActorId: 'b',
            coupling: null,
            targetResponds: false,
            sourceResponds: true,
            distinctive: null,
          },
          {
            id: 'P3',
            linkId: 'L1',
            respondent: 'c',
            respondentActorId: null,
            coupling: 'LOOSE',
            targetResponds: null,
            sourceResponds: null,
            distinctive: null,
          },
          // Nothing answered, and a coupling given with one direction: neither differs from the others.
          {
            id: 'P4',
            linkId: 'L2',
            respondent: 'd',
            respondentActorId: null,
            coupling: null,
            targetResponds: null,
            sourceResponds: null,
            distinctive: null,
          },
          {
            id: 'P5',
            linkId: 'L2',
            respondent: 'e',
            respondentActorId: null,
            coupling: 'TIGHT',
            targetResponds: true,
            sourceResponds: null,
            distinctive: null,
          },
        ],
      },
    );
    const result = asymmetry(buildGraphIndex(graph));
    expect(result.oneWayLinks).toEqual([]);
    expect(result.disagreements.map((d) => [d.linkId, d.aspects])).toEqual([['L2', ['TARGET_RESPONDS']]]);
    // Each answer's parts in order (coupling, target, source), "–" when it has none; L1 runs
    // beside L2, so the link is named by its kind too.
    expect(result.findings.map((finding) => finding.explanation)).toEqual([
      {
        sv: 'Svaren om länken a–b (dialog) skiljer sig åt (a: mottagaren svarar: ja; b: mottagaren svarar: nej, avsändaren svarar: ja; d: –; e: tät, mottagaren svarar: ja).',
        en: 'The answers about the link a–b (dialogue) differ (a: target responds: yes; b: target responds: no, source responds: yes; d: –; e: tight, target responds: yes).',
      },
    ]);
  });

  it('names the link kind when two links join the same pair of actors', () => {
    const graph = makeGraph(
      [
        ['a', 'administration'],
        ['b', 'principal'],
      ],
      [
        ['S', 'a', 'b', 'LOOSE', 'STEERING', { targetResponds: true, sourceResponds: false }],
        ['D', 'a', 'b', 'LOOSE', 'DIALOGUE', { targetResponds: true, sourceResponds: true }],
      ],
    );
    const [finding] = asymmetry(buildGraphIndex(graph)).findings;
    expect(finding?.explanation).toEqual({
      sv: 'b är lyhörd för a, men a är inte lyhörd för b (länken för styrning).',
      en: 'b responds to a, but a does not respond to b (the steering link).',
    });
  });
});
