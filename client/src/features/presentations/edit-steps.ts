import type { PresentationStepInput } from '../../api/generated/graphql.ts';
import type { Step } from './types.ts';

/**
 * Pure list operations on a presentation's steps. `updatePresentation` replaces the whole list,
 * so every edit is "old list → new list", which also makes undo a matter of keeping the old list.
 */
export function moveStep<T>(steps: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= steps.length || to < 0 || to >= steps.length || from === to) return [...steps];
  const next = [...steps];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

export function removeStep<T>(steps: readonly T[], index: number): T[] {
  return steps.filter((_, i) => i !== index);
}

/** Puts a step back where it was (or at the end when the list has shrunk since). */
export function insertStep<T>(steps: readonly T[], index: number, step: T): T[] {
  const at = Math.max(0, Math.min(index, steps.length));
  return [...steps.slice(0, at), step, ...steps.slice(at)];
}

export function replaceStep<T>(steps: readonly T[], index: number, step: T): T[] {
  return steps.map((s, i) => (i === index ? step : s));
}

/** A stored step as the input `updatePresentation` takes back (same id, so it stays the same step). */
export function toStepInput(step: Step | PresentationStepInput): PresentationStepInput {
  const highlight = step.highlight;
  const camera = step.camera;
  return {
    ...(step.id ? { id: step.id } : {}),
    title: step.title,
    caption: step.caption ?? null,
    scenarioId: step.scenarioId ?? null,
    roundId: step.roundId ?? null,
    levelKeys: [...(step.levelKeys ?? [])],
    linkKinds: [...(step.linkKinds ?? [])],
    couplings: [...(step.couplings ?? [])],
    highlight: highlight
      ? {
          actorIds: [...(highlight.actorIds ?? [])],
          linkIds: [...(highlight.linkIds ?? [])],
          pathFromId: highlight.pathFromId ?? null,
          pathToId: highlight.pathToId ?? null,
          findingId: highlight.findingId ?? null,
          findingText: highlight.findingText ? { sv: highlight.findingText.sv, en: highlight.findingText.en } : null,
        }
      : null,
    camera: camera
      ? { mode: camera.mode, zoom: camera.zoom ?? null, panX: camera.panX ?? null, panY: camera.panY ?? null }
      : null,
  };
}

/** Which step and field a refusal from the API is about: `steps[2].title` → { index: 2, field: 'title' }. */
export function stepIssue(field: string): { index: number; field: string } | null {
  const match =
    /^(?:input\.)?steps\[(\d+)\](?:\.(.+))?$/.exec(field) ?? /^(?:input\.)?steps\.(\d+)(?:\.(.+))?$/.exec(field);
  if (!match) return null;
  return { index: Number(match[1]), field: match[2]?.split('.').at(-1) ?? '' };
}
