import type { TFunction } from 'i18next';

/** "Önskat läge 2027 · Önskat läge" / "Uppföljning maj · Uppföljning · 2026-05-04": name, kind (unless the name says it) and date. */
export function scenarioLabel(
  t: TFunction,
  scenario: { name: string; kind: 'CURRENT' | 'DESIRED' | 'OBSERVATION'; observedAt?: string | null },
): string {
  const kind = t(`scenarioKind.${scenario.kind}`);
  return [scenario.name, kind === scenario.name ? null : kind, scenario.observedAt].filter(Boolean).join(' · ');
}
