import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import {
  type LinkKind,
  OpenRoundDocument,
  type OpenRoundInput,
  type RoundFieldsFragment,
  RoundsDocument,
  type RoundSelectionKind,
} from '../../api/generated/graphql.ts';
import { canEdit, type MapData, useMapState } from '../../state/map-store.ts';
import { RoundResultsView } from './RoundResultsView.tsx';
import './rounds.css';

const KINDS: LinkKind[] = ['STEERING', 'SUPPORT', 'DIALOGUE', 'FOLLOW_UP', 'INFORMAL', 'INTERPRETATION'];
const SELECTIONS: RoundSelectionKind[] = ['BETWEEN_LEVELS', 'AROUND_UNIT', 'LINKS', 'LINK_KIND'];

/** Perception rounds of the organisation: open one, follow it live, close it (editors and owners). */
export function RoundsPanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const isEditor = useMapState((s) => canEdit(s.role));
  const [rounds, setRounds] = useState<RoundFieldsFragment[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [isCreating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const organisationId = map.organisation.id;
  const reload = () => request(RoundsDocument, { organisationId }).then((data) => setRounds(data.rounds), setError);

  useEffect(() => {
    if (isEditor) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload reads only organisationId
  }, [organisationId, isEditor]);

  if (!isEditor) return <p className="hint">{t('rounds.editorsOnly')}</p>;
  if (chosen) {
    return (
      <div className="rounds" data-testid="rounds">
        <button className="link-button" onClick={() => setChosen(null)}>
          ← {t('rounds.all')}
        </button>
        <RoundResultsView map={map} roundId={chosen} onClosed={() => void reload()} />
      </div>
    );
  }
  return (
    <div className="rounds" data-testid="rounds">
      <p className="hint">{t('rounds.help')}</p>
      {error ? <p role="alert">{errorText(t, error)}</p> : null}
      {isCreating ? (
        <RoundForm
          map={map}
          onCancel={() => setCreating(false)}
          onOpened={(round) => {
            setCreating(false);
            setChosen(round.id);
            void reload();
          }}
        />
      ) : (
        <button className="primary" onClick={() => setCreating(true)}>
          {t('rounds.new')}
        </button>
      )}
      {rounds.length === 0 ? (
        <p className="empty">{t('rounds.none')}</p>
      ) : (
        <ul className="rounds__list">
          {rounds.map((round) => (
            <li key={round.id}>
              <button className="link-button" onClick={() => setChosen(round.id)}>
                {round.name}
              </button>{' '}
              {round.isOpen ? t('rounds.openWithCode', { code: round.code }) : t('rounds.isClosed')} ·{' '}
              {t('rounds.participants', { count: round.participantCount })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RoundForm(props: { map: MapData; onCancel: () => void; onOpened: (round: RoundFieldsFragment) => void }) {
  const { t } = useTranslation();
  const { map } = props;
  const levels = map.organisation.levels;
  const [name, setName] = useState('');
  const [kind, setKind] = useState<RoundSelectionKind>('BETWEEN_LEVELS');
  const [levelKeys, setLevelKeys] = useState<[string, string]>([levels[1]?.key ?? '', levels[2]?.key ?? '']);
  const [unitId, setUnitId] = useState(map.units[0]?.id ?? '');
  const [linkIds, setLinkIds] = useState<string[]>([]);
  const [linkKind, setLinkKind] = useState<LinkKind>('STEERING');
  const [questions, setQuestions] = useState({
    targetResponds: true,
    sourceResponds: true,
    distinctive: true,
    comment: false,
  });
  const [mode, setMode] = useState<'LIVE' | 'UNTIL'>('LIVE');
  const [closesAt, setClosesAt] = useState('');
  const [threshold, setThreshold] = useState(3);
  const [error, setError] = useState<unknown>(null);
  const actorName = (id: string) => map.actors.find((a) => a.id === id)?.name ?? id;

  const submit = async () => {
    const input: OpenRoundInput = {
      organisationId: map.organisation.id,
      scenarioId: map.scenario.id,
      name,
      selection: { kind, levelKeys, unitId, linkIds, linkKind },
      questions,
      mode,
      closesAt: mode === 'UNTIL' ? closesAt : null,
      threshold,
    };
    try {
      props.onOpened((await request(OpenRoundDocument, { input })).openRound);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form
      className="rounds__form"
      aria-label={t('rounds.new')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('rounds.name')}
        <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
      </label>
      <label>
        {t('rounds.selection')}
        <select value={kind} onChange={(event) => setKind(event.target.value as RoundSelectionKind)}>
          {SELECTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`rounds.selections.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'BETWEEN_LEVELS'
        ? ([0, 1] as const).map((i) => (
            <label key={i}>
              {t(i === 0 ? 'rounds.levelA' : 'rounds.levelB')}
              <select
                value={levelKeys[i]}
                onChange={(event) =>
                  setLevelKeys((keys) => (i === 0 ? [event.target.value, keys[1]] : [keys[0], event.target.value]))
                }
              >
                {levels.map((level) => (
                  <option key={level.key} value={level.key}>
                    {level.name}
                  </option>
                ))}
              </select>
            </label>
          ))
        : null}
      {kind === 'AROUND_UNIT' ? (
        <label>
          {t('rounds.unit')}
          <select value={unitId} onChange={(event) => setUnitId(event.target.value)}>
            {map.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {kind === 'LINKS' ? (
        <fieldset className="rounds__links">
          <legend>{t('rounds.links')}</legend>
          {map.links
            .filter((link) => !link.confidential)
            .map((link) => (
              <label key={link.id}>
                <input
                  type="checkbox"
                  checked={linkIds.includes(link.id)}
                  onChange={(event) =>
                    setLinkIds((ids) => (event.target.checked ? [...ids, link.id] : ids.filter((id) => id !== link.id)))
                  }
                />
                {actorName(link.sourceId)} → {actorName(link.targetId)}
              </label>
            ))}
        </fieldset>
      ) : null}
      {kind === 'LINK_KIND' ? (
        <label>
          {t('rounds.linkKind')}
          <select value={linkKind} onChange={(event) => setLinkKind(event.target.value as LinkKind)}>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`kind.${value}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <fieldset>
        <legend>{t('rounds.questionsLabel')}</legend>
        {(['targetResponds', 'sourceResponds', 'distinctive', 'comment'] as const).map((question) => (
          <label key={question}>
            <input
              type="checkbox"
              checked={questions[question]}
              onChange={(event) => setQuestions((q) => ({ ...q, [question]: event.target.checked }))}
            />
            {t(`rounds.questions.${question}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('rounds.mode')}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'LIVE'} onChange={() => setMode('LIVE')} />
          {t('rounds.live')}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === 'UNTIL'} onChange={() => setMode('UNTIL')} />
          {t('rounds.until')}
        </label>
        {mode === 'UNTIL' ? (
          <label>
            {t('rounds.closesAt')}
            <input type="date" value={closesAt} onChange={(event) => setClosesAt(event.target.value)} />
          </label>
        ) : null}
      </fieldset>
      <label>
        {t('rounds.threshold')}
        <input
          type="number"
          min={1}
          max={100}
          value={threshold}
          onChange={(event) => setThreshold(Number(event.target.value))}
        />
      </label>
      {error ? <p role="alert">{errorText(t, error)}</p> : null}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('rounds.open')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
