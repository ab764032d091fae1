import { describe, expect, it } from 'vitest';

import type { AnalysisId, Finding } from '../analysis/findings.ts';
import type { AnalysisResults } from '../analysis/registry.ts';
import { joinReportParts, reportPart } from './report-parts.ts';

const finding = (analysis: AnalysisId, n: number): Finding => ({
  id: `${analysis}:${n}`,
  analysis,
  kind: 'ISLAND',
  actorIds: [`a${n}`],
  linkIds: [],
  unitIds: [],
  levelKeys: [],
  explanation: { sv: `text ${n}`, en: `text ${n}` },
});

/** Results of some analyses, each with its findings (the rest of a result does not matter here). */
const results = (findings: Partial<Record<AnalysisId, number>>): Partial<AnalysisResults> =>
  Object.fromEntries(
    Object.entries(findings).map(([id, count]) => [
      id,
      { findings: Array.from({ length: count }, (_, n) => finding(id as AnalysisId, n)), extra: id },
    ]),
  ) as unknown as Partial<AnalysisResults>;

describe('report parts', () => {
  it('puts the findings of two parts back in DOMAIN.md order, key actors between islands and level skipping', () => {
    const early = reportPart(results({ levelMatrix: 1, islands: 2, asymmetry: 1 }), {
      findings: { id: true },
      islands: { extra: true },
    });
    const last = reportPart(results({ keyActors: 2 }), { findings: { id: true }, keyActors: { extra: true } });
    expect(early.findingCounts).toEqual({ levelMatrix: 1, islands: 2, asymmetry: 1 });
    expect(joinReportParts([early, last])).toEqual({
      findings: ['levelMatrix:0', 'islands:0', 'islands:1', 'keyActors:0', 'keyActors:1', 'asymmetry:0'].map((id) => ({
        id,
      })),
      islands: { extra: 'islands' },
      keyActors: { extra: 'keyActors' },
    });
  });

  it('leaves the findings out when no part selected them', () => {
    const part = reportPart(results({ islands: 2 }), { islands: { extra: true } });
    expect(joinReportParts([part])).toEqual({ islands: { extra: 'islands' } });
  });
});
