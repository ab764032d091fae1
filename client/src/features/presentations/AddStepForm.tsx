import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { fieldErrors } from '../../api/error-text.ts';
import { type RoundFieldsFragment, RoundsDocument } from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';
import { useSelection } from '../../state/selection-store.ts';
import { useView } from '../../state/view-store.ts';
import { analysisStore } from '../analysis/use-analysis.ts';
import { captureHighlight, captureStep, defaultCameraMode, withRound } from './capture-step.ts';
import { toStepInput } from './edit-steps.ts';
import { updatePresentation } from './presentations-store.ts';
import { CameraSelect } from './StepItem.tsx';
import type { CameraMode, Presentation } from './types.ts';
import { readViewSnapshot } from './view-snapshot.ts';
import { Field } from '../../ui/Field.tsx';

/** "Add this view as a step": what is on screen now becomes the next step. */
export function AddStepForm({ presentation, map }: { presentation: Presentation; map: MapData }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<CameraMode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [roundId, setRoundId] = useState('');
  const [roundError, setRoundError] = useState<string | null>(null);
  const rounds = useOrganisationRounds(presentation.organisationId);
  // Re-render when what would be captured changes, so the summary stays true.
  const view = useView();
  const selected = useSelection((s) => s.selected);
  const analysis = analysisStore();
  const highlight = useMemo(
    () => captureHighlight(readViewSnapshot(map)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the stores read inside are the deps
    [map, view, selected, analysis],
  );
  const autoMode = defaultCameraMode(highlight);
  const filterCount = view.filters.levelKeys.length + view.filters.kinds.length + view.filters.couplings.length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = presentation.steps.length + 1;
    const captured = captureStep(
      readViewSnapshot(map),
      title.trim() || t('presentations.step.defaultTitle', { n }),
      mode ?? undefined,
    );
    const round = rounds.find((r) => r.id === roundId);
    const step = round ? withRound(captured, round, mode !== null) : captured;
    const refused = await updatePresentation(
      presentation,
      { steps: [...presentation.steps.map(toStepInput), step] },
      'addStep',
    );
    if (refused) {
      const fields = fieldErrors(t, refused);
      setError(fields.title ?? null);
      setRoundError(fields.roundId ?? fields.scenarioId ?? null);
    } else {
      setTitle('');
      setMode(null);
      setError(null);
      setRoundId('');
      setRoundError(null);
    }
  };

  return (
    <form className="add-step" onSubmit={(e) => void submit(e)} aria-labelledby="add-step-heading">
      <h4 id="add-step-heading">{t('presentations.addStep.heading')}</h4>
      <p className="add-step__summary" data-testid="capture-summary">
        {[
          t('presentations.addStep.scenario', { name: map.scenario.name }),
          filterCount > 0 ? t('presentations.addStep.filters', { count: filterCount }) : null,
          highlight.actorIds.length + highlight.linkIds.length > 0
            ? t('presentations.addStep.highlight', {
                actors: t('count.actors', { count: highlight.actorIds.length }),
                links: t('count.links', { count: highlight.linkIds.length }),
              })
            : t('presentations.addStep.noHighlight'),
          highlight.pathFromId ? t('presentations.addStep.path') : null,
          highlight.findingId ? t('presentations.addStep.finding') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <Field label={t('presentations.step.title')} error={error}>
        <input
          name="stepTitle"
          value={title}
          maxLength={200}
          placeholder={t('presentations.step.defaultTitle', { n: presentation.steps.length + 1 })}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      {rounds.length > 0 ? (
        <Field label={t('presentations.addStep.round')} error={roundError}>
          <select name="stepRound" value={roundId} onChange={(e) => setRoundId(e.target.value)}>
            <option value="">{t('presentations.addStep.noRound')}</option>
            {rounds.map((round) => (
              <option key={round.id} value={round.id}>
                {round.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <CameraSelect value={mode ?? autoMode} onChange={setMode} />
      <button type="submit" className="primary" data-action="addStep">
        {t('presentations.addStep.button')}
      </button>
    </form>
  );
}

/** The organisation's perception rounds, whose results a step may show (none when they cannot be read). */
function useOrganisationRounds(organisationId: string): RoundFieldsFragment[] {
  const [rounds, setRounds] = useState<RoundFieldsFragment[]>([]);
  useEffect(() => {
    let isCurrent = true;
    request(RoundsDocument, { organisationId }).then(
      (data) => isCurrent && setRounds(data.rounds),
      () => isCurrent && setRounds([]),
    );
    return () => {
      isCurrent = false;
    };
  }, [organisationId]);
  return rounds;
}
