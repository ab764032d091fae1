import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import { canEdit, type MapData, useMapState } from '../../state/map-store.ts';
import { loadCompare } from '../map/load-map.ts';
import { toCanvasMap } from '../map/to-canvas-map.ts';
import { compareScenarios } from './compare.ts';
import { NewScenarioForm } from './NewScenarioForm.tsx';
import { showScenario } from './scenario-commands.ts';
import { scenarioLabel } from './scenario-label.ts';
import { ScenarioList } from './ScenarioList.tsx';
import './scenarios.css';

/** Switch, list, rename and delete scenarios, start a new one from any, and compare two on one map. */
export function ScenarioPanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const { compareScenarioId, compareStatus } = useMapState();
  const isEditor = useMapState((s) => canEdit(s.role));
  const scenarios = map.organisation.scenarios;

  const diff = useMemo(
    () => (compareStatus.type === 'ready' ? compareScenarios(toCanvasMap(map).links, compareStatus.data.links) : null),
    [map, compareStatus],
  );

  return (
    <div className="scenarios">
      <label className="field">
        <span className="field__label">{t('scenarios.current')}</span>
        <select
          name="scenario"
          value={map.scenario.id}
          onChange={(e) => void showScenario(map.organisation.id, e.target.value)}
        >
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {scenarioLabel(t, s)}
            </option>
          ))}
        </select>
      </label>
      <h4>{t('scenarios.all')}</h4>
      <ScenarioList map={map} canEdit={isEditor} />
      {isEditor ? (
        <>
          <h4>{t('scenarios.new')}</h4>
          <NewScenarioForm key={map.scenario.id} map={map} />
        </>
      ) : null}
      <h4>{t('scenarios.compareTitle')}</h4>
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
                {scenarioLabel(t, s)}
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
