import type { Core } from 'cytoscape';
import { useEffect, useLayoutEffect, useRef } from 'react';

import { type ClassSets } from './class-sets.ts';
import { createCy, LARGE_MAP, PICTURE_ZOOM } from './cy-instance.ts';
import { installDragLayer } from './drag-layer.ts';
import { toElements } from './elements.ts';
import { exportPng, exportSvg } from './export.ts';
import { foldNamesakeUnits } from './fold-units.ts';
import { browserMeasure } from './label-text.ts';
import type { LegendModel } from './legend-model.ts';
import type { Point } from './layered-layout.ts';
import { applyPositions, readPositions, runForce } from './layouts.ts';
import { installKeyboardNav } from './keyboard-nav.ts';
import { installZoomDetail, type ZoomDetail } from './zoom-detail.ts';
import { installLevelOverlay, type LevelOverlay } from './level-overlay.ts';
import { installLinkHandles } from './link-handles.ts';
import { applyLinkTallies, installTallyScaling } from './link-tallies.ts';
import { type CanvasMap, type DiffMark, UNIT_PREFIX } from './model.ts';
import { layoutMap, nodeLabels } from './node-labels.ts';
import { installPictureZoom } from './picture-zoom.ts';
import { placeNewNodes } from './place-new-nodes.ts';
import { readViewport } from './step-camera.ts';
import { MIN_LABEL_SCREEN_SIZE, patternGaps } from './stylesheet.ts';
import { applyClassSets, revealHighlighted, syncElements } from './sync.ts';
import { installTestHook, markPhase, markRendered } from './test-hook.ts';
import type { LinkTally } from '../state/link-tally-store.ts';
import type { Insets } from './unit-boxes.ts';
import { bindUnitDragging, fitToNodes } from './unit-controller.ts';

export type CanvasPick = { entity: 'actor' | 'link' | 'unit'; id: string } | null;

/** What the rest of the app may ask of the canvas, without touching Cytoscape. */
export interface CanvasHandle {
  /** Fits the whole visible map into the part of the canvas nothing covers. */
  fit: () => void;
  zoomBy: (factor: number) => void;
  centreOn: (id: string) => void;
  /** The whole map with its level rows, and the legend unless it is null. */
  exportPng: (legend: LegendModel | null) => Promise<Blob>;
  exportSvg: (legend: LegendModel | null) => string;
  /** Zoom and the model point at the centre of the screen (a presentation step's saved camera). */
  viewport: () => { zoom: number; centre: { x: number; y: number } };
}

export interface MapCanvasProps {
  map: CanvasMap;
  diff: ReadonlyMap<string, DiffMark>;
  /** Positions the user saved for this scenario; they win over the computed layout. */
  savedPositions: ReadonlyMap<string, Point>;
  classSets: ClassSets;
  /** A perception round's answers, drawn on the links it asks about (empty: none). */
  linkTallies: ReadonlyMap<string, LinkTally>;
  layoutMode: 'layered' | 'force';
  layoutRun: number;
  selectedId: string | null;
  ariaLabel: string;
  /** What the canvas is, for screen readers ("karta"). */
  roleDescription: string;
  /** Screen pixels along the canvas's edges that the legend and panels cover; fitting avoids them. */
  coveredEdges: () => Omit<Insets, 'left'>;
  /** Editors get a handle on actors to drag a new link from (its tooltip); null for everyone else. */
  linkHandleLabel: string | null;
  onPick: (pick: CanvasPick) => void;
  /** A collapsed unit was double-clicked: draw its actors. */
  onOpenUnit: (unitId: string) => void;
  /** A link was dragged from one actor to another with the handle. */
  onConnect: (sourceId: string, targetId: string) => void;
  onPositionsChange: (positions: Map<string, Point>) => void;
  /** The keyboard moved to an actor (a record id), or left the map (null). */
  onFocusActor: (id: string | null) => void;
  onHandle: (handle: CanvasHandle | null) => void;
}

/** The shape of the canvas's free part, which the layout aims for. */
function freeAspect(cy: Core, insets: Insets): number {
  const width = cy.width() - insets.left - insets.right;
  const height = cy.height() - insets.top - insets.bottom;
  return width > 0 && height > 0 ? width / height : 1.6;
}

function pickOf(target: { data: (key: string) => unknown }): CanvasPick {
  const entity = target.data('entity');
  const id = String(target.data('recordId'));
  return entity === 'actor' || entity === 'link' || entity === 'unit' ? { entity, id } : null;
}

export function MapCanvas(props: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // The event handlers bound once at mount read the latest props through this ref.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const elementCount = props.map.actors.length + props.map.links.length + props.map.units.length;
  const isFirstSync = useRef(true);
  const overlay = useRef<LevelOverlay | null>(null);
  /** On big maps actors get their labels and links their patterns as the zoom shows them (zoom-detail.ts). */
  const zoomDetail = useRef<ZoomDetail | null>(null);
  const measure = useRef(browserMeasure());
  /** The free part of the canvas: level names on the left, legend and panels where they are. */
  const insets = (): Insets => {
    const covered = latest.current.coveredEdges();
    return { ...covered, left: Math.max(covered.top, overlay.current?.gutter() ?? 0) };
  };
  const fit = (cy: Core) => {
    const rows = overlay.current?.current();
    const boxes = [...(rows?.bands ?? []), ...(rows?.lane ? [rows.lane] : [])].map((b) => ({
      x: (b.x1 + b.x2) / 2,
      y: (b.y1 + b.y2) / 2,
      width: b.x2 - b.x1,
      height: b.y2 - b.y1,
    }));
    fitToNodes(cy, insets(), boxes);
  };

  // One instance per mount; the large-map renderer choice is made from the first map's size.
  useEffect(() => {
    if (!container.current) return;
    const isZoomDetail = elementCount > LARGE_MAP;
    const cy = createCy(container.current, elementCount, props.map.actors.length, { isZoomDetail });
    cyRef.current = cy;
    const detail = isZoomDetail ? installZoomDetail(cy, MIN_LABEL_SCREEN_SIZE, patternGaps()) : null;
    zoomDetail.current = detail;
    isFirstSync.current = true; // StrictMode mounts twice: each instance gets its first layout
    installTestHook(cy);
    const levels = installLevelOverlay(cy, container.current, () => latest.current.map.levels);
    overlay.current = levels;
    cy.on('tap', (event) => {
      latest.current.onPick(event.target === cy ? null : pickOf(event.target));
    });
    cy.on('dbltap', 'node.collapsed-unit', (event) => latest.current.onOpenUnit(String(event.target.data('recordId'))));
    const unbindUnits = bindUnitDragging(cy);
    const uninstallDragLayer = installDragLayer(cy);
    const stopTallyScaling = installTallyScaling(cy);
    const keyboard = installKeyboardNav(cy, container.current, {
      onFocusActor: (id) => latest.current.onFocusActor(id),
      onOpen: (id) => latest.current.onPick(pickOf(cy.getElementById(id))),
    });
    const picture = container.current.querySelector('canvas')?.parentElement;
    const zoom =
      elementCount > PICTURE_ZOOM && picture
        ? installPictureZoom(cy, container.current, { picture, backdrop: levels.backdrop })
        : null;
    cy.on('dragfree', 'node', () => {
      levels.refresh();
      latest.current.onPositionsChange(readPositions(cy));
    });
    latest.current.onHandle({
      fit: () => fit(cy),
      zoomBy: (factor) =>
        zoom
          ? zoom.zoomBy(factor)
          : cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }),
      centreOn: (id) =>
        cy.animate({ center: { eles: cy.getElementById(id) }, zoom: Math.max(cy.zoom(), 0.9) }, { duration: 250 }),
      exportPng: (legend) => {
        detail?.showAll();
        return exportPng(cy, { legend, bands: levels.current() });
      },
      exportSvg: (legend) => exportSvg(cy, { legend, bands: levels.current() }),
      viewport: () => readViewport(cy),
    });
    return () => {
      latest.current.onHandle(null);
      zoom?.destroy();
      detail?.destroy();
      zoomDetail.current = null;
      unbindUnits();
      uninstallDragLayer();
      stopTallyScaling();
      keyboard.destroy();
      levels.destroy();
      overlay.current = null;
      cy.destroy();
      cyRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once per mount on purpose
  }, []);

  // Elements follow the map. On the first draw everything gets its saved or layered position;
  // afterwards new actors land on a free spot in their row beside their unit, and nothing else moves.
  const collapsedUnits = useRef<ReadonlySet<string>>(new Set());
  /** The round tallies drawn on the links now (see the effect after this one). */
  const drawnTallies = useRef<ReadonlyMap<string, LinkTally>>(new Map());
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { diff, savedPositions } = props;
    const map = foldNamesakeUnits(props.map);
    markPhase('effect');
    const labels = nodeLabels(map, measure.current);
    const defs = toElements(map, labels, diff);
    markPhase('elements');
    const collapsed = new Set(map.actors.flatMap((a) => (a.collapsed ? [a.collapsed.unitId] : [])));
    const opened = [...collapsedUnits.current].filter((id) => !collapsed.has(id));
    const isRegrouped = opened.length > 0 || [...collapsed].some((id) => !collapsedUnits.current.has(id));
    collapsedUnits.current = collapsed;
    const isFirst = isFirstSync.current;
    const layered = isFirst || isRegrouped ? layoutMap(map, labels, { aspect: freeAspect(cy, insets()) }) : null;
    markPhase('layout');
    const positions = layered
      ? new Map([...layered, ...savedPositions])
      : placeNewNodes(cy, defs, savedPositions, () => layoutMap(map, labels));
    syncElements(cy, defs, positions);
    drawnTallies.current = new Map(); // the links' classes were set anew: every tally is drawn again
    markPhase('added');
    if (isRegrouped && !isFirst) {
      // Opening or closing a unit changes the layout's blocks: everything is placed anew (saved
      // positions still win), and an opened unit is brought into view.
      applyPositions(cy, positions);
      const unit = opened.length === 1 ? cy.getElementById(UNIT_PREFIX + opened[0]) : cy.collection();
      if (unit.nonempty()) cy.animate({ fit: { eles: unit, padding: 60 } }, { duration: 250 });
    }
    overlay.current?.refresh();
    if (isFirst) {
      // New nodes were added at their positions: only the view is left to fit, from geometry we
      // know (cy.fit would compute every element's style and bounding box before the first frame).
      isFirstSync.current = false;
      fit(cy);
      markRendered(cy);
    }
    zoomDetail.current?.refresh(); // after the fit: what the view shows now
    // eslint-disable-next-line react-hooks/exhaustive-deps -- savedPositions only matter for new nodes
  }, [props.map, props.diff]);

  // A round's answers change the label and marks of the links they are about, nothing else.
  useEffect(() => {
    if (!cyRef.current) return;
    applyLinkTallies(cyRef.current, props.linkTallies, drawnTallies.current);
    drawnTallies.current = props.linkTallies;
  }, [props.linkTallies, props.map, props.diff]);

  // An explicit layout run (mode switch or "re-layout") recomputes every position.
  const lastRun = useRef(props.layoutRun);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || lastRun.current === props.layoutRun) return;
    lastRun.current = props.layoutRun;
    if (props.layoutMode === 'force') {
      void runForce(cy).then(() => {
        overlay.current?.refresh();
        fit(cy);
        latest.current.onPositionsChange(readPositions(cy));
      });
    } else {
      const map = foldNamesakeUnits(latest.current.map);
      applyPositions(cy, layoutMap(map, nodeLabels(map, measure.current), { aspect: freeAspect(cy, insets()) }));
      overlay.current?.refresh();
      fit(cy);
      latest.current.onPositionsChange(new Map());
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs on an explicit request only
  }, [props.layoutRun, props.layoutMode]);

  useEffect(() => {
    if (!cyRef.current) return;
    applyClassSets(cyRef.current, props.classSets);
    overlay.current?.refresh(); // a filtered level has no row
  }, [props.classSets]);

  useEffect(() => {
    if (cyRef.current) revealHighlighted(cyRef.current, props.classSets.highlighted);
  }, [props.classSets.highlighted]);

  // The drag-to-link handle, for editors only.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !container.current || props.linkHandleLabel === null) return;
    return installLinkHandles(cy, container.current, {
      label: props.linkHandleLabel,
      onConnect: (sourceId, targetId) => latest.current.onConnect(sourceId, targetId),
    });
  }, [props.linkHandleLabel]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.$(':selected').unselect();
    if (props.selectedId) cy.getElementById(props.selectedId).select();
  }, [props.selectedId, props.map]);

  return (
    <div
      ref={container}
      id="map-canvas"
      className="map-canvas"
      // Focusable and keyboard-driven: arrows move between actors, Enter opens one.
      tabIndex={0}
      role="application"
      aria-roledescription={props.roleDescription}
      aria-label={props.ariaLabel}
      data-testid="map-canvas"
    />
  );
}
