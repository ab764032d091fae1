import cytoscape, { type Collection, type Core, type EventObject, type NodeSingular } from 'cytoscape';
import edgehandles, { type EdgeHandles, type EdgeHandlesOptions } from 'cytoscape-edgehandles';

import { knobPlace } from './knob-place.ts';

let isRegistered = false;

export interface LinkHandleOptions {
  /** Tooltip of the handle ("drag to another actor to link"). */
  label: string;
  /** A link was dropped from one actor on another; the canvas keeps no edge of its own. */
  onConnect: (sourceId: string, targetId: string) => void;
}

/**
 * The drag-to-link handle: a small knob beside the actor under the pointer (or the selected one).
 * Dragging it draws a line (cytoscape-edgehandles) and dropping on another actor reports the
 * pair; the feature then opens the usual link form, so saving, undo and refusals work as for any
 * new link. Mouse only by design: the keyboard path is the "link from selected" action.
 * Returns the function that removes the handle.
 */
export function installLinkHandles(cy: Core, container: HTMLElement, options: LinkHandleOptions): () => void {
  if (!isRegistered) {
    cytoscape.use(edgehandles);
    isRegistered = true;
  }
  const settings: EdgeHandlesOptions = {
    canConnect: (source, target) => target.hasClass('actor') && !source.same(target),
    edgeParams: () => ({}),
    hoverDelay: 0,
    snap: true,
    snapThreshold: 16,
    snapFrequency: 30,
    noEdgeEventsInDraw: true,
    disableBrowserGestures: true,
  };
  const eh = (cy as Core & { edgehandles: (o: EdgeHandlesOptions) => EdgeHandles }).edgehandles(settings);

  const handle = document.createElement('div');
  handle.className = 'link-handle';
  handle.title = options.label;
  handle.dataset.testid = 'link-handle';
  handle.setAttribute('aria-hidden', 'true');
  handle.hidden = true;
  container.appendChild(handle);

  let owner: NodeSingular | null = null;
  let isDrawing = false;
  // Cytoscape still hit-tests the pointer over the knob: a neighbour under it must not take it.
  let isOnHandle = false;

  const hide = () => {
    owner = null;
    handle.hidden = true;
  };
  // Recomputed on pan, zoom and moves (the CSS centres the knob on the point).
  const place = () => {
    if (!owner || owner.removed() || !owner.visible()) return hide();
    const width = Number(owner.data('width')) * cy.zoom();
    const at = knobPlace({ ...owner.renderedPosition(), width }, cy.width(), cy.height());
    if (!at) {
      handle.hidden = true;
      return;
    }
    handle.style.left = `${at.x}px`;
    handle.style.top = `${at.y}px`;
    handle.hidden = false;
  };
  const showOn = (event: EventObject) => {
    if (isDrawing || isOnHandle) return;
    owner = event.target as NodeSingular;
    place();
  };
  const onBackgroundTap = (event: EventObject) => {
    if (event.target === cy) hide();
  };
  const onMoved = (event: EventObject) => {
    if (owner && (event.target as NodeSingular).same(owner)) place();
  };
  const onRemoved = (event: EventObject) => {
    if (owner && (event.target as NodeSingular).same(owner)) hide();
  };
  const onComplete = (_event: EventObject, source: NodeSingular, target: NodeSingular, added: Collection) => {
    added.remove(); // the map draws links from the API's answer, never from the gesture
    options.onConnect(String(source.data('recordId')), String(target.data('recordId')));
  };
  const onPointerDown = (event: MouseEvent) => {
    if (event.button !== 0 || !owner || owner.removed()) return;
    event.preventDefault();
    event.stopPropagation(); // not a tap on the canvas: no pan, no node grab
    isDrawing = true;
    handle.hidden = true;
    eh.start(owner);
  };
  const onEnter = () => {
    isOnHandle = true;
  };
  const onLeave = () => {
    isOnHandle = false;
  };
  // Escape cancels a drag in progress and takes the knob away, as it ends every other pick.
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    if (isDrawing) {
      isDrawing = false;
      eh.stop();
    }
    hide();
  };
  const onPointerUp = () => {
    if (!isDrawing) return;
    isDrawing = false;
    eh.stop();
    hide();
  };

  cy.on('mouseover select', 'node.actor', showOn);
  cy.on('grab', 'node', hide);
  cy.on('tap', onBackgroundTap);
  cy.on('position', 'node.actor', onMoved);
  cy.on('remove', 'node.actor', onRemoved);
  cy.on('viewport', place);
  cy.on('ehcomplete', onComplete as unknown as (event: EventObject) => void);
  handle.addEventListener('mousedown', onPointerDown);
  handle.addEventListener('mouseenter', onEnter);
  handle.addEventListener('mouseleave', onLeave);
  window.addEventListener('mouseup', onPointerUp);
  window.addEventListener('keydown', onKey);
  return () => {
    window.removeEventListener('mouseup', onPointerUp);
    window.removeEventListener('keydown', onKey);
    handle.removeEventListener('mousedown', onPointerDown);
    if (!cy.destroyed()) {
      cy.off('mouseover select', 'node.actor', showOn);
      cy.off('grab', 'node', hide);
      cy.off('tap', onBackgroundTap);
      cy.off('position', 'node.actor', onMoved);
      cy.off('remove', 'node.actor', onRemoved);
      cy.off('viewport', place);
      cy.off('ehcomplete', onComplete as unknown as (event: EventObject) => void);
      eh.destroy();
    }
    handle.remove();
  };
}
