/**
 * A neutral sequential scale (light grey-blue to slate) for counts: darker means more, never
 * better or worse. Returns background and a text colour that stays readable on it.
 */
export function heatColour(value: number, max: number): { background: string; text: string } {
  const t = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const from = [244, 246, 249];
  const to = [52, 73, 102];
  const mix = from.map((f, i) => Math.round(f + ((to[i] ?? f) - f) * t));
  return { background: `rgb(${mix.join(', ')})`, text: t > 0.55 ? '#ffffff' : '#1d2430' };
}
