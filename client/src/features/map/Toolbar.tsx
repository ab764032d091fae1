import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { COLLAPSE_OFFERED_AT, elementCount, isCollapsing } from '../../canvas/collapse.ts';
import { legendModel } from '../../canvas/legend-model.ts';

import { download } from '../../lib/download.ts';
import { useHistory } from '../../state/history-store.ts';
import type { MapData } from '../../state/map-store.ts';
import { useSelection } from '../../state/selection-store.ts';
import { useView, viewActions } from '../../state/view-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { actionById, runAction } from '../editing/actions.ts';
import { getCanvas } from './canvas-handle.ts';

/** Actions whose button shows a short text (the full label is its accessible name and tooltip). */
const SHORT_TEXT: Partial<Record<string, 'addActor' | 'addUnit' | 'addLink' | 'addArena' | 'zoomIn' | 'zoomOut'>> = {
  addActor: 'addActor',
  addUnit: 'addUnit',
  addLink: 'addLink',
  addArena: 'addArena',
  zoomIn: 'zoomIn',
  zoomOut: 'zoomOut',
};

const TOOL_ACTIONS = [
  'addActor',
  'addUnit',
  'addLink',
  'addArena',
  'linkFromSelected',
  'undo',
  'redo',
  'fit',
  'zoomIn',
  'zoomOut',
];

/** The map's toolbar: actions from the shared registry, search, layout and export. */
export function Toolbar({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const selected = useSelection((s) => s.selected);
  const history = useHistory();
  const { search, layoutMode, unitsAsBoxes } = useView();
  const elements = elementCount(map);
  const isCollapsingUnits = isCollapsing(elements, unitsAsBoxes);
  const ctx = { map, selected, t };
  const fileBase = `${map.organisation.id}-${map.scenario.id}`;
  // Exports carry the legend unless the user leaves it out (a picture for a slide with its own).
  const [withLegend, setWithLegend] = useState(true);
  const legend = () => (withLegend ? legendModel((key) => t(key)) : null);

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <input
        id="actor-search"
        type="search"
        className="toolbar__search"
        placeholder={t('toolbar.search')}
        aria-label={t('toolbar.search')}
        value={search}
        onChange={(e) => viewActions.setSearch(e.target.value)}
      />
      {TOOL_ACTIONS.map((id) => {
        const action = actionById(id);
        const isDisabled =
          !action.isEnabled(ctx) ||
          (id === 'undo' && history.past.length === 0) ||
          (id === 'redo' && history.future.length === 0);
        const label = t(action.labelKey as 'toolbar.fit');
        const short = SHORT_TEXT[id];
        return (
          <button
            key={id}
            data-action={id}
            disabled={isDisabled}
            title={`${label} (${action.shortcut})`}
            aria-label={short ? label : undefined}
            onClick={() => void runAction(action, ctx)}
          >
            {short ? t(`toolbar.short.${short}`) : label}
          </button>
        );
      })}
      <span className="toolbar__group" role="group" aria-label={t('toolbar.layout')}>
        <button aria-pressed={layoutMode === 'layered'} onClick={() => viewActions.setLayoutMode('layered')}>
          {t('toolbar.layered')}
        </button>
        <button aria-pressed={layoutMode === 'force'} onClick={() => viewActions.setLayoutMode('force')}>
          {t('toolbar.force')}
        </button>
        {elements > COLLAPSE_OFFERED_AT ? (
          // A large map: drawing its units as single boxes is the person's choice (canvas/collapse.ts).
          <button
            data-action="unitsAsBoxes"
            aria-pressed={isCollapsingUnits}
            onClick={() => viewActions.setUnitsAsBoxes(!isCollapsingUnits)}
          >
            {t('toolbar.unitsAsBoxes')}
          </button>
        ) : null}
      </span>
      <span className="toolbar__group" role="group" aria-label={t('toolbar.export')}>
        <button
          data-action="exportPng"
          onClick={() => {
            const c = getCanvas();
            if (c)
              void c
                .exportPng(legend())
                .then((png) => download(`${fileBase}.png`, png))
                .catch((error: unknown) => notify(String(error), 'error'));
          }}
        >
          {t('toolbar.exportPng')}
        </button>
        <button
          data-action="exportSvg"
          onClick={() => {
            const c = getCanvas();
            if (c) download(`${fileBase}.svg`, c.exportSvg(legend()), 'image/svg+xml');
          }}
        >
          {t('toolbar.exportSvg')}
        </button>
        <label className="toolbar__check">
          <input
            type="checkbox"
            name="exportLegend"
            checked={withLegend}
            onChange={(e) => setWithLegend(e.target.checked)}
          />{' '}
          {t('toolbar.withLegend')}
        </label>
      </span>
    </div>
  );
}
