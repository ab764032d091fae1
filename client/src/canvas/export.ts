import type { Core } from 'cytoscape';

import type { Coupling, LinkKind } from './model.ts';
import { CLASSES } from './stylesheet.ts';
import { type SvgEdge, type SvgNode, toSvg } from './svg.ts';

/** The whole map (not just the viewport) as a PNG at twice the resolution, on white. */
export function exportPng(cy: Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
}

/** The visible elements, redrawn as SVG with the same encoding (see svg.ts). */
export function exportSvg(cy: Core): string {
  const nodes: SvgNode[] = cy.nodes(':visible').map((node) => {
    const box = node.boundingBox({ includeLabels: false, includeOverlays: false });
    return {
      x: node.position('x'),
      y: node.position('y'),
      width: box.w,
      height: box.h,
      label: String(node.data('label') ?? ''),
      fill: String(node.style('background-color')),
      isUnit: node.isParent() || node.hasClass('unit'),
      isSide: node.hasClass('side'),
      opacity: node.hasClass(CLASSES.dimmed) ? 0.15 : 1,
    };
  });
  const edges: SvgEdge[] = cy.edges(':visible').map((edge) => ({
    x1: edge.source().position('x'),
    y1: edge.source().position('y'),
    x2: edge.target().position('x'),
    y2: edge.target().position('y'),
    coupling: edge.data('coupling') as Coupling,
    kind: edge.data('kind') as LinkKind,
    dir: edge.hasClass('dir-forward') ? 'forward' : edge.hasClass('dir-backward') ? 'backward' : 'none',
    opacity: edge.hasClass(CLASSES.dimmed) ? 0.15 : 1,
    isBundle: edge.hasClass('bundle'),
  }));
  return toSvg(nodes, edges);
}
