import { describe, expect, it } from 'vitest';

import { insertStep, moveStep, removeStep, replaceStep, stepIssue, toStepInput } from './edit-steps.ts';
import type { Step } from './types.ts';

const step = (id: string): Step => ({
  id,
  title: `Steg ${id}`,
  caption: null,
  scenarioId: 'now',
  roundId: 'r1',
  levelKeys: ['politics'],
  linkKinds: [],
  couplings: ['LOOSE'],
  highlight: {
    actorIds: ['a1'],
    linkIds: [],
    pathFromId: null,
    pathToId: null,
    findingId: 'f1',
    findingText: { sv: 'Text', en: 'Text' },
  },
  camera: { mode: 'VIEWPORT', zoom: 1.2, panX: 10, panY: 20 },
});

describe('step list edits', () => {
  const list = ['a', 'b', 'c', 'd'];
  it('moves a step up and down, and ignores moves off the ends', () => {
    expect(moveStep(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveStep(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveStep(list, 0, -1)).toEqual(list);
    expect(moveStep(list, 3, 4)).toEqual(list);
  });
  it('removes a step and puts it back where it was', () => {
    const removed = removeStep(list, 1);
    expect(removed).toEqual(['a', 'c', 'd']);
    expect(insertStep(removed, 1, 'b')).toEqual(list);
    expect(insertStep(['a'], 5, 'b')).toEqual(['a', 'b']);
  });
  it('replaces one step', () => {
    expect(replaceStep(list, 3, 'x')).toEqual(['a', 'b', 'c', 'x']);
  });
});

describe('toStepInput', () => {
  it('keeps the id and every field, so a reorder does not change the steps', () => {
    expect(toStepInput(step('s1'))).toEqual({
      id: 's1',
      title: 'Steg s1',
      caption: null,
      scenarioId: 'now',
      roundId: 'r1',
      levelKeys: ['politics'],
      linkKinds: [],
      couplings: ['LOOSE'],
      highlight: {
        actorIds: ['a1'],
        linkIds: [],
        pathFromId: null,
        pathToId: null,
        findingId: 'f1',
        findingText: { sv: 'Text', en: 'Text' },
      },
      camera: { mode: 'VIEWPORT', zoom: 1.2, panX: 10, panY: 20 },
    });
  });
  it('leaves the id out of a new step', () => {
    expect(toStepInput({ title: 'Ny' })).toEqual({
      title: 'Ny',
      caption: null,
      scenarioId: null,
      roundId: null,
      levelKeys: [],
      linkKinds: [],
      couplings: [],
      highlight: null,
      camera: null,
    });
  });
});

describe('stepIssue', () => {
  it('reads the step index and field of a refusal', () => {
    expect(stepIssue('steps[2].title')).toEqual({ index: 2, field: 'title' });
    expect(stepIssue('input.steps.0.camera.zoom')).toEqual({ index: 0, field: 'zoom' });
    expect(stepIssue('steps[1]')).toEqual({ index: 1, field: '' });
    expect(stepIssue('name')).toBeNull();
  });
});
