import { useTranslation } from 'react-i18next';

import { COUPLINGS, LINK_KINDS } from '../../canvas/model.ts';
import type { MapData } from '../../state/map-store.ts';
import { toggleInList, useView, viewActions } from '../../state/view-store.ts';

function Checks<T extends string>(props: {
  legend: string;
  name: string;
  values: readonly T[];
  chosen: T[];
  label: (v: T) => string;
  onChange: (v: T[]) => void;
}) {
  return (
    <fieldset className="checks">
      <legend>{props.legend}</legend>
      {props.values.map((v) => (
        <label key={v}>
          <input
            type="checkbox"
            name={props.name}
            value={v}
            checked={props.chosen.includes(v)}
            onChange={() => props.onChange(toggleInList(props.chosen, v))}
          />
          {props.label(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** Filters by level, kind, coupling and unit; nothing ticked in a group means all of it. */
export function FilterPanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const filters = useView((s) => s.filters);
  const levelName = new Map(map.organisation.levels.map((l) => [l.key, l.name]));
  const topUnits = map.units.filter((u) => !u.parentId || u.kind !== 'TEAM');
  return (
    <div className="filters">
      <Checks
        legend={t('filters.levels')}
        name="level"
        values={map.organisation.levels.map((l) => l.key)}
        chosen={filters.levelKeys}
        label={(k) => levelName.get(k) ?? k}
        onChange={(levelKeys) => viewActions.setFilters({ levelKeys })}
      />
      <Checks
        legend={t('filters.kinds')}
        name="kind"
        values={LINK_KINDS}
        chosen={filters.kinds}
        label={(k) => t(`kind.${k}`)}
        onChange={(kinds) => viewActions.setFilters({ kinds })}
      />
      <Checks
        legend={t('filters.couplings')}
        name="coupling"
        values={COUPLINGS}
        chosen={filters.couplings}
        label={(c) => t(`coupling.${c}`)}
        onChange={(couplings) => viewActions.setFilters({ couplings })}
      />
      <label className="field field--inline">
        <input
          type="checkbox"
          name="disagreeing"
          checked={filters.isDisagreeingOnly ?? false}
          disabled={map.disagreeingLinkIds.length === 0 && !filters.isDisagreeingOnly}
          onChange={(e) => viewActions.setFilters({ isDisagreeingOnly: e.target.checked })}
        />
        {t('filters.disagreeing')} ({map.disagreeingLinkIds.length})
      </label>
      <label className="field">
        <span className="field__label">{t('filters.units')}</span>
        <select
          multiple
          size={6}
          name="unit"
          value={filters.unitIds}
          onChange={(e) => viewActions.setFilters({ unitIds: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {topUnits.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <button onClick={viewActions.clearFilters}>{t('filters.clear')}</button>
    </div>
  );
}
