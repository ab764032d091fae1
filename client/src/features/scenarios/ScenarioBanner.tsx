import { useTranslation } from 'react-i18next';

import type { MapData } from '../../state/map-store.ts';
import { viewActions } from '../../state/view-store.ts';
import { showScenario } from './scenario-commands.ts';
import { scenarioLabel } from './scenario-label.ts';
import './scenarios.css';

/**
 * Which scenario the map shows, always in view: edits change this scenario only, so a desired
 * state or an observation is marked clearly, with a way back to the current one.
 */
export function ScenarioBanner({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const { scenario } = map;
  const isCurrent = scenario.kind === 'CURRENT';
  return (
    <div
      className={isCurrent ? 'scenario-banner' : 'scenario-banner scenario-banner--other'}
      data-testid="scenario-banner"
      role="status"
    >
      <span>
        {t(isCurrent ? 'scenarios.bannerCurrent' : 'scenarios.bannerOther', { label: scenarioLabel(t, scenario) })}
      </span>
      {!isCurrent ? (
        <button onClick={() => void showScenario(map.organisation.id, null)}>{t('scenarios.backToCurrent')}</button>
      ) : null}
      <button className="link-button" onClick={() => viewActions.showPanel('scenarios')}>
        {t('scenarios.manage')}
      </button>
    </div>
  );
}
