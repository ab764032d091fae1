import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { CloneScenarioDocument } from '../../api/generated/graphql.ts';
import { type MapData, useMapState } from '../../state/map-store.ts';
import { historyActions } from '../../state/history-store.ts';
import { selectionActions } from '../../state/selection-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { loadCompare, loadMap } from '../map/load-map.ts';
import { toCanvasMap } from '../map/to-canvas-map.ts';
import { compareScenarios } from './compare.ts';

/** Switch scenario, clone current into desired, and compare two scenarios on one map. */
export function ScenarioPanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const { compareScenarioId, compareStatus } = useMapState();
  const [isBusy, setBusy] = useState(false);
  const scenarios = map.organisation.scenarios;
  const current = scenarios.find((s) => s.kind === 'CURRENT');
  const hasDesired = scenarios.some((s) => s.kind === 'DESIRED');
  const label = (s: (typeof scenarios)[number]) =>
    `${s.name} · ${t(`scenarioKind.${s.kind}`)}${s.observedAt ? ` · ${s.observedAt}` : ''}`;

  const diff = useMemo(
    () => (compareStatus.type === 'ready' ? compareScenarios(toCanvasMap(map).links, compareStatus.data.links) : null),
    [map, compareStatus],
  );

  const switchTo = (scenarioId: string) => {
    selectionActions.clear();
    historyActions.clear(); // undo entries belong to the scenario they were made in
    void loadMap(map.organisation.id, scenarioId);
  };

  const cloneToDesired = async () => {
    if (!current) return;
    setBusy(true);
    try {
      const { cloneScenario } = await request(CloneScenarioDocument, {
        input: {
          organisationId: map.organisation.id,
          sourceId: current.id,
          name: t('scenarios.cloneName'),
          kind: 'DESIRED',
        },
      });
      switchTo(cloneScenario.scenario.id);
    } catch (error) {
      notify(errorText(t, error), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="scenarios">
      <label className="field">
        <span className="field__label">{t('scenarios.current')}</span>
        <select name="scenario" value={map.scenario.id} onChange={(e) => switchTo(e.target.value)}>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {label(s)}
            </option>
          ))}
        </select>
      </label>
      <button
        data-action="cloneScenario"
        disabled={isBusy || hasDesired || !current}
        title={hasDesired ? t('scenarios.cloneExists') : undefined}
        onClick={() => void cloneToDesired()}
      >
        {t('scenarios.clone')}
      </button>
      <label className="field">
        <span className="field__label">{t('scenarios.compare')}</span>
        <select
          name="compare"
          value={compareScenarioId ?? ''}
          onChange={(e) => void loadCompare(e.target.value || null)}
        >
          <option value="">{t('scenarios.compareNone')}</option>
          {scenarios
            .filter((s) => s.id !== map.scenario.id)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {label(s)}
              </option>
            ))}
        </select>
      </label>
      {compareStatus.type === 'error' ? <p role="alert">{errorText(t, compareStatus.error)}</p> : null}
      {diff ? (
        <div className="compare-summary" data-testid="compare-summary">
          <p>{t('scenarios.compareHelp')}</p>
          {diff.marks.size === 0 ? <p>{t('scenarios.noDifferences')}</p> : null}
          <ul className="plain-list">
            <li>+ {t('scenarios.added', { count: diff.added.length })}</li>
            <li>− {t('scenarios.removed', { count: diff.removed.length })}</li>
            <li>Δ {t('scenarios.changed', { count: diff.changed.length })}</li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}
