import type { TFunction } from 'i18next';

/** "Önskat läge · Önskat läge" / "Uppföljning maj · Uppföljning · 2026-05-04": name, kind and date. */
export function scenarioLabel(
  t: TFunction,
  scenario: { name: string; kind: 'CURRENT' | 'DESIRED' | 'OBSERVATION'; observedAt?: string | null },
): string {
  return [scenario.name, t(`scenarioKind.${scenario.kind}`), scenario.observedAt].filter(Boolean).join(' · ');
}
