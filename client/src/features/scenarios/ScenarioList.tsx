import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import type { MapData } from '../../state/map-store.ts';
import { confirmAction } from '../../ui/confirm-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { deleteScenario, renameScenario, type ScenarioRecord, showScenario } from './scenario-commands.ts';
import { scenarioLabel } from './scenario-label.ts';

/** Every scenario of the organisation: show, rename or delete it (the current one cannot be deleted). */
export function ScenarioList({ map, canEdit }: { map: MapData; canEdit: boolean }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState<string | null>(null);
  const organisationId = map.organisation.id;

  const remove = async (scenario: ScenarioRecord) => {
    const isConfirmed = await confirmAction({
      title: t('scenarios.deleteTitle'),
      message: t('scenarios.deleteConfirm', { name: scenario.name }),
      confirmLabel: t('common.delete'),
      isDestructive: true,
    });
    if (!isConfirmed) return;
    try {
      await deleteScenario(map, scenario);
      notify(t('scenarios.deleted', { name: scenario.name }));
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
  };

  return (
    <ul className="scenario-list" aria-label={t('scenarios.title')}>
      {map.organisation.scenarios.map((s) => (
        <li key={s.id} data-scenario={s.id} aria-current={s.id === map.scenario.id ? 'true' : undefined}>
          {renaming === s.id ? (
            <RenameForm organisationId={organisationId} scenario={s} onDone={() => setRenaming(null)} />
          ) : (
            <>
              <span className="scenario-list__name">{scenarioLabel(t, s)}</span>
              <span className="scenario-list__buttons">
                <button
                  disabled={s.id === map.scenario.id}
                  onClick={() => void showScenario(organisationId, s.id)}
                  aria-label={t('scenarios.showNamed', { name: s.name })}
                >
                  {t('scenarios.show')}
                </button>
                {canEdit ? (
                  <>
                    <button onClick={() => setRenaming(s.id)} aria-label={t('scenarios.renameNamed', { name: s.name })}>
                      {t('scenarios.rename')}
                    </button>
                    <button
                      disabled={s.kind === 'CURRENT'}
                      title={s.kind === 'CURRENT' ? t('scenarios.currentProtected') : undefined}
                      onClick={() => void remove(s)}
                      aria-label={t('scenarios.deleteNamed', { name: s.name })}
                    >
                      {t('common.delete')}
                    </button>
                  </>
                ) : null}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function RenameForm(props: { organisationId: string; scenario: ScenarioRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.scenario.name);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await renameScenario(props.organisationId, props.scenario, name.trim());
      notify(t('scenarios.renamed', { name: name.trim() }));
      props.onDone();
    } catch (caught) {
      setError(errorText(t, caught));
    }
  };
  return (
    <form
      className="inline-form"
      onSubmit={(e) => (e.preventDefault(), void save())}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onDone();
        }
      }}
    >
      <input
        name="scenarioName"
        aria-label={t('scenarios.name')}
        value={name}
        maxLength={200}
        required
        autoFocus
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary">
        {t('common.save')}
      </button>
      <button type="button" onClick={props.onDone}>
        {t('common.cancel')}
      </button>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
