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

/**
 * What the audience of an organisation's presentations receives, built by the server so that
 * nothing withheld ever leaves it: every map is redacted for the audience (no confidential
 * links, perceptions, notes or evidence), and anonymised when the presentation is. Steps are
 * aligned with that: a step whose scenario was deleted shows the current one, a highlighted
 * actor or link the audience cannot see (a confidential link) is dropped from the step, so not
 * even its id leaks, and names are replaced in every text (`nameReplacer`).
 *
 * The presentation alone (`presentation`) is what the audience role reads from the lists of
 * presentations; `show` adds the maps. Maps are read once per view, however many presentations
 * it serves.
 */
export interface AudienceView {
  presentation(presentation: Presentation): Promise<Presentation>;
  show(presentation: Presentation): Promise<PresentationShow>;
}

type Step = Presentation['steps'][number];

export async function audienceView(store: GraphStore, organisationId: string): Promise<AudienceView> {
  const current = await currentScenario(store, organisationId);
  const currentMap = await loadScenarioGraph(store, organisationId, current.id);
  const redacted = new Map<string, Promise<ScenarioGraph | null>>([
    [current.id, Promise.resolve(redactForAudience(currentMap))],
  ]);
  // A step may name a scenario deleted since; it falls back to the current one.
  const mapOf = (scenarioId: string): Promise<ScenarioGraph | null> => {
    let map = redacted.get(scenarioId);
    if (!map) {
      map = store.readScenarioGraph(organisationId, scenarioId).then((graph) => graph && redactForAudience(graph));
      redacted.set(scenarioId, map);
    }
    return map;
  };
  /** The current map first, then each other scenario the steps name and that still exists. */
  const mapsOf = async (presentation: Presentation): Promise<ScenarioGraph[]> => {
    const ids = new Set([current.id, ...presentation.steps.map((step) => step.scenarioId ?? current.id)]);
    const maps = await Promise.all([...ids].map(mapOf));
    return maps.filter((map): map is ScenarioGraph => map !== null);
  };

  // Actors are organisation-wide: the current map's, before redaction, name everyone.
  const { actors, organisation } = currentMap;
  const labels = anonymousLabels(actors, organisation.levels);
  const replacers = { anonymised: nameReplacer(actors, labels), named: nameReplacer(actors, null) };

  const redactPresentation = (presentation: Presentation, maps: readonly ScenarioGraph[]): Presentation => {
    const replace = presentation.anonymised ? replacers.anonymised : replacers.named;
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
    return { ...presentation, name: replace(presentation.name), description: text(presentation.description), steps };
  };

  return {
    presentation: async (presentation) => redactPresentation(presentation, await mapsOf(presentation)),
    show: async (presentation) => {
      const maps = await mapsOf(presentation);
      return {
        presentation: redactPresentation(presentation, maps),
        maps: presentation.anonymised ? maps.map((map) => anonymiseGraph(map, labels)) : maps,
      };
    },
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
