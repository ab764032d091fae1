import { useTranslation } from 'react-i18next';

import type { MapData } from '../../state/map-store.ts';
import { useView, viewActions, type ViewState } from '../../state/view-store.ts';
import { AnalysisPanel } from '../analysis/AnalysisPanel.tsx';
import { ImportExportPanel } from '../import-export/ImportExportPanel.tsx';
import { InitiativesPanel } from '../initiatives/index.ts';
import { PresentationsPanel } from '../presentations/index.ts';
import { RoundsPanel } from '../rounds/index.ts';
import { ScenarioPanel } from '../scenarios/ScenarioPanel.tsx';
import { TimelinePanel } from '../timeline/index.ts';
import { DetailsPanel } from './DetailsPanel.tsx';
import { FilterPanel } from './FilterPanel.tsx';

const PANELS: ViewState['panel'][] = [
  'details',
  'filters',
  'scenarios',
  'timeline',
  'initiatives',
  'analysis',
  'presentations',
  'rounds',
  'importExport',
];

/**
 * Tabs for details, filters, scenarios, analysis and import/export beside the map: a rail of tabs
 * on the right edge, and the chosen tab's panel beside it once something is opened.
 */
export function SidePanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const panel = useView((s) => s.panel);
  const isOpen = useView((s) => s.isPanelOpen);
  return (
    <aside className={`side-panel${isOpen ? ' side-panel--open' : ''}`} aria-label={t('panels.label')}>
      <div role="tablist" className="tabs" aria-orientation="vertical">
        {PANELS.map((p) => (
          <button
            key={p}
            role="tab"
            id={`tab-${p}`}
            aria-selected={isOpen && panel === p}
            aria-controls={`panel-${p}`}
            onClick={() => viewActions.showPanel(p)}
          >
            {t(`panels.${p}`)}
          </button>
        ))}
      </div>
      {isOpen ? (
        <div role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`} className="side-panel__body">
          <button className="side-panel__close" onClick={viewActions.closePanel} aria-label={t('panels.close')}>
            ×
          </button>
          {panel === 'details' ? <DetailsPanel map={map} /> : null}
          {panel === 'filters' ? <FilterPanel map={map} /> : null}
          {panel === 'scenarios' ? <ScenarioPanel map={map} /> : null}
          {panel === 'timeline' ? <TimelinePanel map={map} /> : null}
          {panel === 'initiatives' ? <InitiativesPanel map={map} /> : null}
          {panel === 'analysis' ? <AnalysisPanel map={map} /> : null}
          {panel === 'presentations' ? <PresentationsPanel map={map} /> : null}
          {panel === 'rounds' ? <RoundsPanel map={map} /> : null}
          {panel === 'importExport' ? <ImportExportPanel map={map} /> : null}
        </div>
      ) : null}
    </aside>
  );
}
