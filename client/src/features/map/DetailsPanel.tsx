import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { elementCount, isCollapsing } from '../../canvas/collapse.ts';
import type { MapData } from '../../state/map-store.ts';
import { selectionActions, useSelection } from '../../state/selection-store.ts';
import { useView, viewActions } from '../../state/view-store.ts';
import { InitiativesReaching } from '../initiatives/index.ts';
import { ActionButtons } from './ActionButtons.tsx';
import { LinkDetails } from './LinkDetails.tsx';

export function Row(props: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children ?? '—'}</dd>
    </>
  );
}

/** All fields of the selected actor, unit, arena or link, with the actions that apply to it. */
export function DetailsPanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const selected = useSelection((s) => s.selected);
  const openedUnitIds = useView((s) => s.openedUnitIds);
  const unitsAsBoxes = useView((s) => s.unitsAsBoxes);
  if (!selected) return <p className="empty">{t('empty.noSelection')}</p>;
  const actorName = (id: string) => map.actors.find((a) => a.id === id)?.name ?? id;

  if (selected.entity === 'link') {
    const link = map.links.find((l) => l.id === selected.id);
    return link ? <LinkDetails map={map} link={link} /> : null;
  }
  if (selected.entity === 'unit') {
    const unit = map.units.find((u) => u.id === selected.id);
    if (!unit) return null;
    return (
      <section aria-label={t('details.unit')}>
        <h3>{unit.name}</h3>
        <dl>
          <Row label={t('fields.unitKind')}>{t(`unitKind.${unit.kind}`)}</Row>
          <Row label={t('fields.parent')}>{map.units.find((u) => u.id === unit.parentId)?.name}</Row>
          <Row label={t('fields.place')}>{unit.place}</Row>
        </dl>
        <ActionButtons map={map} ids={['editSelected', 'recordHistory', 'deleteSelected']} />
        <InitiativesReaching map={map} unitId={unit.id} />
        {isCollapsing(elementCount(map), unitsAsBoxes) && !unit.parentId ? (
          // On a map drawn with its units collapsed, a unit opens to show its actors.
          <button data-action="toggleUnitOpen" onClick={() => viewActions.toggleUnitOpen(unit.id)}>
            {t(openedUnitIds.includes(unit.id) ? 'actions.closeUnit' : 'actions.openUnit')}
          </button>
        ) : null}
      </section>
    );
  }
  if (selected.entity === 'arena') {
    const arena = map.arenas.find((a) => a.id === selected.id);
    if (!arena) return null;
    return (
      <section aria-label={t('details.arena')}>
        <h3>{arena.name}</h3>
        <dl>
          <Row label={t('fields.cadence')}>{arena.cadence ? t(`cadence.${arena.cadence}`) : null}</Row>
          <Row label={t('fields.description')}>{arena.description}</Row>
          <Row label={t('fields.participants')}>{arena.participantIds.map(actorName).join(', ')}</Row>
        </dl>
        <ActionButtons map={map} ids={['editSelected', 'deleteSelected']} />
      </section>
    );
  }
  const actor = map.actors.find((a) => a.id === selected.id);
  if (!actor) return null;
  const links = map.links.filter((l) => l.sourceId === actor.id || l.targetId === actor.id);
  const arenas = map.arenas.filter((a) => a.participantIds.includes(actor.id));
  return (
    <section aria-label={t('details.actor')} data-testid="actor-details">
      <h3>{actor.name}</h3>
      <dl>
        <Row label={t('fields.level')}>
          {map.organisation.levels.find((l) => l.key === actor.levelKey)?.name ?? actor.levelKey}
        </Row>
        <Row label={t('fields.role')}>{actor.role}</Row>
        <Row label={t('fields.unit')}>{map.units.find((u) => u.id === actor.unitId)?.name}</Row>
        <Row label={t('fields.personName')}>{actor.personName}</Row>
        <Row label={t('fields.tags')}>{actor.tags.join(', ') || null}</Row>
        <Row label={t('fields.notes')}>{actor.notes}</Row>
      </dl>
      <ActionButtons
        map={map}
        ids={['editSelected', 'linkFromSelected', 'focus', 'pathFrom', 'recordHistory', 'deleteSelected']}
      />
      <h4>{t('details.links', { count: links.length })}</h4>
      <ul className="plain-list">
        {links.map((l) => (
          <li key={l.id}>
            <button className="link-button" onClick={() => selectionActions.select({ entity: 'link', id: l.id })}>
              {t('details.direction', { source: actorName(l.sourceId), target: actorName(l.targetId) })} ·{' '}
              {t(`kind.${l.kind}`)} · {t(`coupling.${l.coupling}`)}
            </button>
          </li>
        ))}
      </ul>
      <h4>{t('details.arenasCount', { count: arenas.length })}</h4>
      <ul className="plain-list">
        {arenas.map((a) => (
          <li key={a.id}>
            <button className="link-button" onClick={() => selectionActions.select({ entity: 'arena', id: a.id })}>
              {a.name}
            </button>
          </li>
        ))}
      </ul>
      <InitiativesReaching map={map} actorId={actor.id} />
    </section>
  );
}
