import { useTranslation } from 'react-i18next';

import type { MapData } from '../../state/map-store.ts';
import { viewActions } from '../../state/view-store.ts';
import { initiativesReachingActor, initiativesReachingUnit } from './reach.ts';

/** In an actor's or a unit's details: the initiatives that reach it, directly or through its unit. */
export function InitiativesReaching(props: { map: MapData; actorId?: string; unitId?: string }) {
  const { t } = useTranslation();
  const { map } = props;
  const actor = map.actors.find((a) => a.id === props.actorId);
  const reaching = actor
    ? initiativesReachingActor(actor, map.initiatives, map.units)
    : props.unitId
      ? initiativesReachingUnit(props.unitId, map.initiatives, map.units, map.actors)
      : [];
  return (
    <>
      <h4>{t('details.initiatives', { count: reaching.length })}</h4>
      {reaching.length === 0 ? <p className="empty">{t('initiatives.noneReach')}</p> : null}
      <ul className="plain-list" data-testid="initiatives-reaching">
        {reaching.map((i) => (
          <li key={i.id}>
            <button className="link-button" onClick={() => viewActions.showPanel('initiatives')}>
              {i.name}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
