import { describe, expect, it } from 'vitest';

import { heatColour } from './colour-scale.ts';

describe('heatColour', () => {
  it('runs from light to dark with readable text', () => {
    expect(heatColour(0, 10)).toEqual({ background: 'rgb(244, 246, 249)', text: '#1d2430' });
    expect(heatColour(10, 10)).toEqual({ background: 'rgb(52, 73, 102)', text: '#ffffff' });
  });
  it('clamps and handles an all-zero matrix', () => {
    expect(heatColour(20, 10)).toEqual(heatColour(10, 10));
    expect(heatColour(0, 0).background).toBe('rgb(244, 246, 249)');
  });
  it('never uses red or green hues', () => {
    for (let v = 0; v <= 10; v++) {
      const [r, g, b] = (heatColour(v, 10).background.match(/\d+/g) ?? []).map(Number);
      expect(b).toBeGreaterThanOrEqual(Math.max(r ?? 0, g ?? 0));
    }
  });
});
