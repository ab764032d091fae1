import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText, fieldErrors } from '../../api/error-text.ts';
import type { ScenarioKind } from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';
import { Field, Select } from '../../ui/Field.tsx';
import { notify } from '../../ui/notice-store.ts';
import { createScenarioFrom } from './scenario-commands.ts';
import { scenarioLabel } from './scenario-label.ts';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A desired state or a dated observation, copied from any scenario (the shown one first): the
 * links, arenas and initiatives come along, perceptions do not (they belong to their moment).
 */
export function NewScenarioForm({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const scenarios = map.organisation.scenarios;
  const hasDesired = scenarios.some((s) => s.kind === 'DESIRED');
  const [sourceId, setSourceId] = useState(map.scenario.id);
  const [kind, setKind] = useState<ScenarioKind>(hasDesired ? 'OBSERVATION' : 'DESIRED');
  const [observedAt, setObservedAt] = useState(today);
  const [name, setName] = useState<string | null>(null); // null: the suggested name for the kind
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  const suggested =
    kind === 'DESIRED' ? t('scenarios.cloneName') : t('scenarios.observationName', { date: observedAt });
  const shownName = name ?? suggested;

  const create = async () => {
    setBusy(true);
    setErrors({});
    try {
      await createScenarioFrom(map.organisation.id, {
        sourceId,
        name: shownName.trim(),
        kind,
        observedAt: kind === 'OBSERVATION' ? observedAt : null,
      });
      notify(t('scenarios.created', { name: shownName.trim() }));
      setName(null);
    } catch (error) {
      setErrors(fieldErrors(t, error));
      notify(errorText(t, error), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="new-scenario" onSubmit={(e) => (e.preventDefault(), void create())}>
      <Field label={t('scenarios.from')} error={errors.sourceId}>
        <Select
          name="sourceId"
          value={sourceId}
          onChange={setSourceId}
          options={scenarios.map((s) => ({ value: s.id, label: scenarioLabel(t, s) }))}
        />
      </Field>
      <fieldset className="radio-row">
        <legend>{t('scenarios.kind')}</legend>
        <label title={hasDesired ? t('scenarios.cloneExists') : undefined}>
          <input
            type="radio"
            name="scenarioKind"
            value="DESIRED"
            checked={kind === 'DESIRED'}
            disabled={hasDesired}
            onChange={() => setKind('DESIRED')}
          />{' '}
          {t('scenarioKind.DESIRED')}
        </label>
        <label>
          <input
            type="radio"
            name="scenarioKind"
            value="OBSERVATION"
            checked={kind === 'OBSERVATION'}
            onChange={() => setKind('OBSERVATION')}
          />{' '}
          {t('scenarios.observation')}
        </label>
      </fieldset>
      {hasDesired ? <p className="hint">{t('scenarios.cloneExists')}</p> : null}
      {kind === 'OBSERVATION' ? (
        <Field label={t('scenarios.observedAt')} error={errors.observedAt}>
          <input
            type="date"
            name="observedAt"
            value={observedAt}
            required
            onChange={(e) => setObservedAt(e.target.value)}
          />
        </Field>
      ) : null}
      <Field label={t('scenarios.name')} error={errors.name}>
        <input
          name="newScenarioName"
          value={shownName}
          required
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <button type="submit" className="primary" data-action="cloneScenario" disabled={isBusy}>
        {t('scenarios.create')}
      </button>
    </form>
  );
}
