import { redactForAudience } from '../auth/redact.ts';
import type { Presentation, ScenarioGraph } from '../domain/records.ts';
import { currentScenario, loadScenarioGraph } from '../editing/read-map.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { RoundStore } from '../store/round-store.ts';
import { type Anonymity, anonymiseGraph, anonymity, nameReplacer } from './anonymise.ts';
import { type PresentedRound, presentedRounds } from './presented-rounds.ts';
import type { Language } from './unit-stand-ins.ts';

/** A presentation with the maps its steps show, as its audience may see them. */
export interface PresentationShow {
  presentation: Presentation;
  /** One per scenario the steps use, the current scenario first. */
  maps: ScenarioGraph[];
  /** The result of each round a step shows (`presentedRounds`). */
  rounds: PresentedRound[];
}

/**
 * What the audience of an organisation's presentations receives, built by the server so that
 * nothing withheld ever leaves it: every map is redacted for the audience (no confidential
 * links, perceptions, notes or evidence), and anonymised when the presentation is. Steps are
 * aligned with that: a step whose scenario was deleted shows the current one, a highlighted
 * actor or link the audience cannot see (a confidential link) is dropped from the step, so not
 * even its id leaks, and names are replaced in every text (`nameReplacer`): the names of people,
 * and when anonymised those of actors and of units that point at one person (unless the
 * presentation keeps unit names).
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

export async function audienceView(
  store: GraphStore,
  rounds: RoundStore,
  organisationId: string,
): Promise<AudienceView> {
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

  // Actors and units are organisation-wide: the current map's, before redaction, name everyone.
  const { actors, units, organisation } = currentMap;
  const anonymities = {
    withheldUnits: anonymity(actors, units, organisation.levels, false),
    keptUnits: anonymity(actors, units, organisation.levels, true),
  };
  const anonymityOf = (presentation: Presentation): Anonymity | null =>
    presentation.anonymised ? anonymities[presentation.keepUnitNames ? 'keptUnits' : 'withheldUnits'] : null;
  const replacers = new Map<Anonymity | null, { [L in Language]: (text: string) => string }>();
  const replacersOf = (anonymous: Anonymity | null) => {
    let replacer = replacers.get(anonymous);
    if (!replacer) {
      replacer = {
        sv: nameReplacer(actors, units, anonymous, 'sv'),
        en: nameReplacer(actors, units, anonymous, 'en'),
      };
      replacers.set(anonymous, replacer);
    }
    return replacer;
  };

  // Titles and captions are taken to be Swedish, as most are; a finding's text comes in both.
  const redactPresentation = (presentation: Presentation, maps: readonly ScenarioGraph[]): Presentation => {
    const { sv: replace, en: replaceEnglish } = replacersOf(anonymityOf(presentation));
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
          findingText: findingText && { sv: replace(findingText.sv), en: replaceEnglish(findingText.en) },
        },
      };
    });
    return { ...presentation, name: replace(presentation.name), description: text(presentation.description), steps };
  };

  return {
    presentation: async (presentation) => redactPresentation(presentation, await mapsOf(presentation)),
    show: async (presentation) => {
      const maps = await mapsOf(presentation);
      const anonymous = anonymityOf(presentation);
      const shown = redactPresentation(presentation, maps);
      const results = await presentedRounds(rounds, shown, maps, replacersOf(anonymous).sv, new Date());
      // A step whose round is not shown (deleted, or its scenario is) shows a plain map.
      const presented = new Set(results.map((result) => result.roundId));
      const steps = shown.steps.map((step) =>
        step.roundId && !presented.has(step.roundId) ? { ...step, roundId: null } : step,
      );
      return {
        presentation: { ...shown, steps },
        maps: anonymous ? maps.map((map) => anonymiseGraph(map, anonymous)) : maps,
        rounds: results,
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
