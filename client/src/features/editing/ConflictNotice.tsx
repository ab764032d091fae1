import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MapData } from '../../state/map-store.ts';
import { changedFields, type VersionConflict } from './conflict.ts';

export type ConflictEntity = 'actor' | 'link' | 'unit' | 'arena';

/** Field → label key, where the record's field name is not the label's own key. */
const LABEL_KEYS: Record<string, string> = {
  levelKey: 'fields.level',
  unitId: 'fields.unit',
  parentId: 'fields.parent',
  sourceId: 'fields.source',
  targetId: 'fields.target',
  arenaId: 'fields.arena',
  participantIds: 'fields.participants',
};

function fieldLabel(t: TFunction, entity: ConflictEntity, field: string): string {
  const key = entity === 'unit' && field === 'kind' ? 'fields.unitKind' : (LABEL_KEYS[field] ?? `fields.${field}`);
  return t(key as 'fields.name', { defaultValue: field });
}

/** A stored value as the person knows it: names for ids, translated words for codes. */
function formatValue(t: TFunction, map: MapData, entity: ConflictEntity, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  const actorName = (id: unknown) => map.actors.find((a) => a.id === id)?.name ?? String(id);
  if (Array.isArray(value)) {
    if (field === 'participantIds') return value.map(actorName).join(', ');
    if (field === 'evidence') return value.map((e: { text?: unknown }) => String(e.text ?? '')).join('; ');
    return value.map(String).join(', ');
  }
  const text = String(value);
  switch (field) {
    case 'sourceId':
    case 'targetId':
      return actorName(value);
    case 'unitId':
    case 'parentId':
      return map.units.find((u) => u.id === value)?.name ?? text;
    case 'arenaId':
      return map.arenas.find((a) => a.id === value)?.name ?? text;
    case 'levelKey':
      return map.organisation.levels.find((l) => l.key === value)?.name ?? text;
    case 'coupling':
      return t(`coupling.${text}` as 'coupling.TIGHT');
    case 'cadence':
      return t(`cadence.${text}` as 'cadence.DAILY');
    case 'kind':
      return entity === 'unit' ? t(`unitKind.${text}` as 'unitKind.SCHOOL') : t(`kind.${text}` as 'kind.STEERING');
    default:
      return text;
  }
}

/**
 * Shown where the person is working (the edit form, or the details panel after a coupling key)
 * when someone else saved the record first: what they changed, and the two ways on. Reload takes
 * the stored version and drops mine; Reapply sends my change on top of the stored version.
 */
export function ConflictNotice(props: {
  conflict: VersionConflict;
  /** The record my change was based on. */
  base: object;
  entity: ConflictEntity;
  map: MapData;
  onReload: () => Promise<void>;
  onReapply: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [isBusy, setBusy] = useState(false);
  const { conflict, base, entity, map } = props;
  const changes = conflict.current ? changedFields(base, conflict.current) : [];
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false); // the handlers report their own failures
    }
  };
  return (
    <section className="conflict" aria-labelledby={titleId} data-testid="conflict">
      <p id={titleId} className="conflict__title" role="alert">
        {t('conflict.title')}
      </p>
      {conflict.current === null ? <p>{t('conflict.unknown')}</p> : null}
      {conflict.current !== null && changes.length === 0 ? <p>{t('conflict.noVisibleChange')}</p> : null}
      {changes.length > 0 ? (
        <>
          <p>{t('conflict.changed')}</p>
          <ul className="conflict__changes">
            {changes.map((c) => (
              <li key={c.field} data-field={c.field}>
                {fieldLabel(t, entity, c.field)}: <del>{formatValue(t, map, entity, c.field, c.before)}</del> →{' '}
                <ins>{formatValue(t, map, entity, c.field, c.after)}</ins>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="conflict__help">{t('conflict.help')}</p>
      <div className="conflict__buttons">
        <button type="button" data-action="conflictReload" disabled={isBusy} onClick={() => void run(props.onReload)()}>
          {t('conflict.reload')}
        </button>
        <button
          type="button"
          data-action="conflictReapply"
          className="primary"
          disabled={isBusy}
          onClick={() => void run(props.onReapply)()}
        >
          {t('conflict.reapply')}
        </button>
      </div>
    </section>
  );
}
