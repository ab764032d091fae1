// cytoscape-edgehandles ships no types: it is a Cytoscape extension registered with cytoscape.use()
// that adds `cy.edgehandles(options)`. Only what link-handles.ts uses is declared.
declare module 'cytoscape-edgehandles' {
  import type { Ext, NodeSingular } from 'cytoscape';

  export interface EdgeHandlesOptions {
    canConnect?: (source: NodeSingular, target: NodeSingular) => boolean;
    edgeParams?: (source: NodeSingular, target: NodeSingular) => Record<string, unknown>;
    hoverDelay?: number;
    snap?: boolean;
    snapThreshold?: number;
    snapFrequency?: number;
    noEdgeEventsInDraw?: boolean;
    disableBrowserGestures?: boolean;
  }

  export interface EdgeHandles {
    start: (source: NodeSingular) => void;
    stop: () => void;
    enable: () => void;
    disable: () => void;
    destroy: () => void;
  }

  const edgehandles: Ext;
  export default edgehandles;
}
