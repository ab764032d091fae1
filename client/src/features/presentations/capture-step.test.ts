import { describe, expect, it } from 'vitest';

import type { CanvasMap } from '../../canvas/model.ts';
import {
  cameraFromViewport,
  captureHighlight,
  captureStep,
  defaultCameraMode,
  type ViewSnapshot,
  withRound,
} from './capture-step.ts';

/** politics → administration → principal → teacher, plus a support actor beside the chain. */
const map: CanvasMap = {
  levels: [
    { key: 'politics', name: 'Politik', isSide: false, rank: 0 },
    { key: 'administration', name: 'Förvaltning', isSide: false, rank: 1 },
    { key: 'principal', name: 'Rektor', isSide: false, rank: 2 },
    { key: 'teacher', name: 'Lärare', isSide: false, rank: 3 },
    { key: 'support', name: 'Stöd', isSide: true, rank: null },
  ],
  units: [],
  actors: [
    { id: 'committee', name: 'Nämnden', levelKey: 'politics', unitId: null },
    { id: 'chief', name: 'Skolchefen', levelKey: 'administration', unitId: null },
    { id: 'principal', name: 'Rektorn', levelKey: 'principal', unitId: null },
    { id: 'teachers', name: 'Lärarlaget', levelKey: 'teacher', unitId: null },
    { id: 'uni', name: 'Lärosätet', levelKey: 'support', unitId: null },
  ],
  links: [
    {
      id: 'l1',
      sourceId: 'committee',
      targetId: 'chief',
      kind: 'STEERING',
      coupling: 'TIGHT',
      targetResponds: true,
      sourceResponds: true,
    },
    {
      id: 'l2',
      sourceId: 'chief',
      targetId: 'principal',
      kind: 'FOLLOW_UP',
      coupling: 'LOOSE',
      targetResponds: true,
      sourceResponds: true,
    },
    {
      id: 'l3',
      sourceId: 'principal',
      targetId: 'teachers',
      kind: 'STEERING',
      coupling: 'DECOUPLED',
      targetResponds: false,
      sourceResponds: false,
    },
    {
      id: 'l4',
      sourceId: 'uni',
      targetId: 'teachers',
      kind: 'SUPPORT',
      coupling: 'LOOSE',
      targetResponds: true,
      sourceResponds: true,
    },
  ],
};

const blank: ViewSnapshot = {
  map,
  scenarioId: 'now',
  filters: { levelKeys: [], kinds: [], couplings: [], unitIds: [] },
  selected: null,
  focusActorId: null,
  pathEnds: null,
  finding: null,
  viewport: null,
};

describe('captureHighlight', () => {
  it('captures nothing from a plain view', () => {
    expect(captureHighlight(blank)).toEqual({
      actorIds: [],
      linkIds: [],
      pathFromId: null,
      pathToId: null,
      findingId: null,
      findingText: null,
    });
  });

  it('takes a selected link with both its ends, so it does not float between dimmed actors', () => {
    const h = captureHighlight({ ...blank, selected: { entity: 'link', id: 'l2' } });
    expect(h.actorIds.sort()).toEqual(['chief', 'principal']);
    expect(h.linkIds).toEqual(['l2']);
  });

  it('takes a selected actor, but not a selected unit or arena', () => {
    expect(captureHighlight({ ...blank, selected: { entity: 'actor', id: 'uni' } }).actorIds).toEqual(['uni']);
    expect(captureHighlight({ ...blank, selected: { entity: 'arena', id: 'a1' } }).actorIds).toEqual([]);
  });

  it('takes the best path with its ends and links', () => {
    const h = captureHighlight({ ...blank, pathEnds: ['committee', 'principal'] });
    expect(h.pathFromId).toBe('committee');
    expect(h.pathToId).toBe('principal');
    expect(h.actorIds.sort()).toEqual(['chief', 'committee', 'principal']);
    expect(h.linkIds.sort()).toEqual(['l1', 'l2']);
  });

  it('keeps the chosen finding’s id, text in both languages and ids, dropping ids not on the map', () => {
    const h = captureHighlight({
      ...blank,
      finding: {
        id: 'levelGaps:principal-teacher',
        explanation: { sv: 'Glapp mellan rektor och lärare', en: 'Gap between principal and teacher' },
        emphasis: { actorIds: ['principal', 'teachers', 'gone'], linkIds: ['l3'] },
      },
    });
    expect(h.findingId).toBe('levelGaps:principal-teacher');
    expect(h.findingText).toEqual({ sv: 'Glapp mellan rektor och lärare', en: 'Gap between principal and teacher' });
    expect(h.actorIds.sort()).toEqual(['principal', 'teachers']);
    expect(h.linkIds).toEqual(['l3']);
  });

  it('takes the focused actor with its neighbourhood', () => {
    const h = captureHighlight({ ...blank, focusActorId: 'teachers' });
    expect(h.actorIds.sort()).toEqual(['principal', 'teachers', 'uni']);
    expect(h.linkIds.sort()).toEqual(['l3', 'l4']);
  });
});

describe('captureStep', () => {
  it('stores scenario and filters (levels, link kinds, couplings) and fits the whole map when nothing is highlighted', () => {
    const step = captureStep(
      {
        ...blank,
        filters: {
          levelKeys: ['principal', 'teacher'],
          kinds: ['STEERING'],
          couplings: ['DECOUPLED'],
          unitIds: ['u1'],
        },
      },
      'Skolans nivåer',
    );
    expect(step).toMatchObject({
      title: 'Skolans nivåer',
      caption: null,
      scenarioId: 'now',
      levelKeys: ['principal', 'teacher'],
      linkKinds: ['STEERING'],
      couplings: ['DECOUPLED'],
      camera: { mode: 'FIT_ALL', zoom: null, panX: null, panY: null },
    });
  });

  it('fits the highlight by default when something is highlighted, and keeps a chosen mode with the viewport', () => {
    const withLink = { ...blank, selected: { entity: 'link' as const, id: 'l3' } };
    expect(captureStep(withLink, 'x').camera?.mode).toBe('FIT_HIGHLIGHT');
    const viewport = { zoom: 0.812345, centre: { x: 120.04, y: -33.36 } };
    expect(captureStep({ ...withLink, viewport }, 'x', 'VIEWPORT').camera).toEqual({
      mode: 'VIEWPORT',
      zoom: 0.8123,
      panX: 120,
      panY: -33.4,
    });
  });
});

describe('camera helpers', () => {
  it('chooses FIT_HIGHLIGHT only when something is highlighted', () => {
    expect(defaultCameraMode({ actorIds: [], linkIds: [] })).toBe('FIT_ALL');
    expect(defaultCameraMode({ actorIds: ['a'], linkIds: [] })).toBe('FIT_HIGHLIGHT');
  });
  it('falls back to FIT_ALL when VIEWPORT is asked for without a viewport', () => {
    expect(cameraFromViewport('VIEWPORT', null)).toEqual({ mode: 'FIT_ALL', zoom: null, panX: null, panY: null });
  });
});

describe('withRound', () => {
  const captured = (linkIds: string[]) => ({
    title: 'Rundan',
    scenarioId: 'now',
    highlight: { actorIds: [], linkIds, pathFromId: null, pathToId: null, findingId: null, findingText: null },
    camera: { mode: 'FIT_ALL' as const, zoom: 1, panX: 0, panY: 0 },
  });
  const round = { id: 'r1', linkIds: ['l1', 'l2'] };

  it('highlights the round’s links and frames them when nothing else is highlighted', () => {
    expect(withRound(captured([]), round, false)).toMatchObject({
      scenarioId: null,
      roundId: 'r1',
      highlight: { linkIds: ['l1', 'l2'] },
      camera: { mode: 'FIT_HIGHLIGHT' },
    });
  });

  it('keeps what the editor highlighted and the camera the editor chose', () => {
    expect(withRound(captured(['l9']), round, false)).toMatchObject({
      roundId: 'r1',
      highlight: { linkIds: ['l9'] },
      camera: { mode: 'FIT_ALL' },
    });
    expect(withRound(captured([]), round, true).camera).toMatchObject({ mode: 'FIT_ALL' });
  });
});
