import { describe, expect, it } from 'vitest';

import { toSvg } from './svg.ts';

describe('toSvg', () => {
  it('draws nodes and links with the neutral encoding and escapes labels', () => {
    const svg = toSvg(
      [
        {
          x: 0,
          y: 0,
          width: 100,
          height: 40,
          label: 'Rektor <Ek>',
          fontSize: 15,
          fill: '#eee',
          isUnit: false,
          isSide: false,
          opacity: 1,
        },
        {
          x: 0,
          y: 200,
          width: 100,
          height: 40,
          label: 'Arbetslag\npraktisk-\nestetiska ämnen',
          fontSize: 15,
          fill: '#eee',
          isUnit: false,
          isSide: false,
          opacity: 1,
        },
      ],
      [{ x1: 0, y1: 0, x2: 0, y2: 200, coupling: 'DECOUPLED', kind: 'STEERING', dir: 'forward', opacity: 1 }],
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Rektor &lt;Ek&gt;');
    expect(svg).toContain('stroke-dasharray="2 5"');
    expect(svg).toContain('marker-end="url(#arrow-STEERING)"');
    expect(svg.match(/<line/g)).toHaveLength(2); // the link and its break bar
    // The label's lines as on the map: broken where it was wrapped, at word boundaries only.
    expect([...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1])).toEqual([
      'Rektor &lt;Ek&gt;',
      'Arbetslag',
      'praktisk-',
      'estetiska ämnen',
    ]);
  });

  it('draws a bundle of links between collapsed units as one neutral line', () => {
    const svg = toSvg(
      [],
      [{ x1: 0, y1: 0, x2: 10, y2: 10, coupling: 'LOOSE', kind: 'STEERING', dir: 'none', opacity: 1, isBundle: true }],
    );
    expect(svg).toContain('stroke="#9aa3ae"');
    expect(svg).not.toContain('stroke-dasharray');
  });
});
