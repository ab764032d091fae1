import { redactForAudience } from '../auth/redact.ts';
import type { Presentation, ScenarioGraph } from '../domain/records.ts';
import { currentScenario, loadScenarioGraph } from '../editing/read-map.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { anonymiseGraph, anonymousLabels, nameReplacer } from './anonymise.ts';

/** A presentation with the maps its steps show, as its audience may see them. */
export interface PresentationShow {
  presentation: Presentation;
  /** One per scenario the steps use, the current scenario first. */
  maps: ScenarioGraph[];
}

type Step = Presentation['steps'][number];

/**
 * What a presentation's audience receives, built by the server so that nothing withheld ever
 * leaves it: every map is redacted for the audience (no confidential links, perceptions, notes
 * or evidence), and anonymised when the presentation is. Steps are aligned with that: a step
 * whose scenario was deleted shows the current one, and a highlighted actor or link the
 * audience cannot see (a confidential link) is dropped from the step, so not even its id leaks.
 */
export async function buildPresentationShow(store: GraphStore, presentation: Presentation): Promise<PresentationShow> {
  const { organisationId } = presentation;
  const current = await currentScenario(store, organisationId);
  const currentMap = await loadScenarioGraph(store, organisationId, current.id);
  const maps = [redactForAudience(currentMap)];
  const others = new Set(presentation.steps.map((step) => step.scenarioId ?? current.id));
  others.delete(current.id);
  for (const scenarioId of others) {
    // A step may name a scenario deleted since; it falls back to the current one below.
    const graph = await store.readScenarioGraph(organisationId, scenarioId);
    if (graph) maps.push(redactForAudience(graph));
  }

  // Actors are organisation-wide: the current map's, before redaction, name everyone.
  const { actors, organisation } = currentMap;
  const labels = presentation.anonymised ? anonymousLabels(actors, organisation.levels) : null;
  const replace = nameReplacer(actors, labels);
  const text = (value: string | null) => (value === null ? null : replace(value));
  const shown = new Map(maps.map((map) => [map.scenario.id, map]));
  const steps = presentation.steps.map((step) => {
    const aligned = alignStep(step, shown.get(step.scenarioId ?? '') ?? maps[0]!);
    const { findingText } = aligned.highlight;
    return {
      ...aligned,
      title: replace(aligned.title),
      caption: text(aligned.caption),
      highlight: {
        ...aligned.highlight,
        findingText: findingText && { sv: replace(findingText.sv), en: replace(findingText.en) },
      },
    };
  });
  return {
    presentation: {
      ...presentation,
      name: replace(presentation.name),
      description: text(presentation.description),
      steps,
    },
    maps: labels ? maps.map((map) => anonymiseGraph(map, labels)) : maps,
  };
}

function alignStep(step: Step, map: ScenarioGraph): Step {
  const actorIds = new Set(map.actors.map((actor) => actor.id));
  const linkIds = new Set(map.links.map((link) => link.id));
  const visible = (id: string | null) => (id !== null && actorIds.has(id) ? id : null);
  const pathFromId = visible(step.highlight.pathFromId);
  const pathToId = visible(step.highlight.pathToId);
  return {
    ...step,
    scenarioId: map.scenario.id,
    highlight: {
      ...step.highlight,
      actorIds: step.highlight.actorIds.filter((id) => actorIds.has(id)),
      linkIds: step.highlight.linkIds.filter((id) => linkIds.has(id)),
      pathFromId: pathFromId && pathToId ? pathFromId : null,
      pathToId: pathFromId && pathToId ? pathToId : null,
    },
  };
}
