import type { Core } from 'cytoscape';
import { useEffect, useLayoutEffect, useRef } from 'react';

import type { ClassSets } from './class-sets.ts';
import { createCy } from './cy-instance.ts';
import type { CanvasMap } from './model.ts';
import { drawStep, moveCamera, type StepCamera } from './step-camera.ts';
import { installLevelOverlay, type LevelOverlay } from './level-overlay.ts';
import { applyLinkTallies, installTallyScaling } from './link-tallies.ts';
import { installTestHook, markRendered } from './test-hook.ts';
import type { Insets } from './unit-boxes.ts';
import type { LinkTally } from '../state/link-tally-store.ts';

/** How long a step change takes: the camera glides, emphasis fades. */
export const STEP_TRANSITION_MS = 450;

export interface StepCanvasProps {
  map: CanvasMap;
  classSets: ClassSets;
  /** A round's result on the links it asked about, when the step shows one (empty: none). */
  linkTallies: ReadonlyMap<string, LinkTally>;
  camera: StepCamera;
  /** Changes when the step changes: the camera moves then, not on every render. */
  stepKey: string;
  /** Pan and zoom by hand (the presenter, or a participant allowed to explore). */
  isInteractive: boolean;
  ariaLabel: string;
  /** Screen pixels along the edges that the legend covers; the camera keeps the map clear of them. */
  coveredEdges: () => Omit<Insets, 'left'>;
}

/**
 * The presenter view's map: the same elements, layered layout and neutral stylesheet as the map
 * view, read-only, with animated camera moves and faded emphasis between steps.
 */
export function StepCanvas(props: StepCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const hasDrawn = useRef(false);
  /** The round tallies drawn on the links now. */
  const drawnTallies = useRef<ReadonlyMap<string, LinkTally>>(new Map());
  const overlay = useRef<LevelOverlay | null>(null);
  const insets = (): Insets => ({ ...latest.current.coveredEdges(), left: overlay.current?.gutter() ?? 0 });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { map } = latest.current;
    const cy = createCy(element, map.actors.length + map.links.length + map.units.length, map.actors.length);
    cy.autoungrabify(true);
    cy.autounselectify(true);
    cy.style()
      .selector('node, edge')
      .style({
        'transition-property': 'opacity, border-width, underlay-opacity',
        'transition-duration': STEP_TRANSITION_MS / 1000,
      })
      .update();
    cyRef.current = cy;
    hasDrawn.current = false;
    installTestHook(cy);
    const levels = installLevelOverlay(cy, element, () => latest.current.map.levels);
    overlay.current = levels;
    const stopTallyScaling = installTallyScaling(cy);
    // Fullscreen, a rotated tablet: the step's camera is applied again to the new size.
    let timer = 0;
    const observer = new ResizeObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        cy.resize();
        if (hasDrawn.current) moveCamera(cy, latest.current.camera, 0, insets());
      }, 120);
    });
    observer.observe(element);
    return () => {
      window.clearTimeout(timer);
      observer.disconnect();
      stopTallyScaling();
      levels.destroy();
      overlay.current = null;
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    drawStep(cy, props.map, props.classSets);
    drawnTallies.current = new Map(); // drawing set every link's classes anew
    overlay.current?.refresh();
  }, [props.map, props.classSets]);

  // A round's result redraws only the links whose tally changed (a live round's update moves nothing).
  useEffect(() => {
    if (!cyRef.current) return;
    applyLinkTallies(cyRef.current, props.linkTallies, drawnTallies.current);
    drawnTallies.current = props.linkTallies;
  }, [props.map, props.classSets, props.linkTallies]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const isReduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    moveCamera(cy, latest.current.camera, hasDrawn.current && !isReduced ? STEP_TRANSITION_MS : 0, insets());
    if (!hasDrawn.current) {
      hasDrawn.current = true;
      markRendered(cy);
    }
  }, [props.stepKey]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.userPanningEnabled(props.isInteractive);
    cy.userZoomingEnabled(props.isInteractive);
  }, [props.isInteractive]);

  return (
    <div
      ref={container}
      className="map-canvas step-canvas"
      role="img"
      aria-label={props.ariaLabel}
      data-testid="step-canvas"
    />
  );
}
