import { create } from 'zustand';

import type { RequestStatus } from '../api/client.ts';
import type { MapSliceQuery, MapViewerQuery, Role } from '../api/generated/graphql.ts';

export type MapData = NonNullable<MapSliceQuery['map']>;
export type ActorRecord = MapData['actors'][number];
export type LinkRecord = MapData['links'][number];
export type UnitRecord = MapData['units'][number];
export type ArenaRecord = MapData['arenas'][number];

/** The map slice exactly as the API returned it, plus the slice of a scenario to compare with. */
export interface MapState {
  organisationId: string | null;
  scenarioId: string | null;
  status: RequestStatus<MapData>;
  compareScenarioId: string | null;
  compareStatus: RequestStatus<MapData>;
  /** The viewer's role in this organisation (administrators count as owners); null until loaded. */
  role: Role | null;
  /**
   * Set while the timeline steps through observations: the map keeps the layout of the scenario
   * it started from, and the comparison with the previous step marks which way couplings moved.
   */
  timeline: { layoutScenarioId: string } | null;
}

export function getEmptyMapState(): MapState {
  return {
    organisationId: null,
    scenarioId: null,
    status: { type: 'idle' },
    compareScenarioId: null,
    compareStatus: { type: 'idle' },
    role: null,
    timeline: null,
  };
}

/** The viewer's role in one organisation, from `me` (asked beside the map). */
export function roleIn(me: MapViewerQuery['me'], organisationId: string): Role | null {
  if (!me) return null;
  if (me.isAdmin) return 'OWNER';
  return me.memberships.find((m) => m.organisationId === organisationId)?.role ?? null;
}

/** Owners and editors change the map; viewers and the audience only read it. */
export function canEdit(role: Role | null): boolean {
  return role === 'OWNER' || role === 'EDITOR';
}

export const mapStore = create<MapState>(() => getEmptyMapState());
export const useMapState = mapStore;

export function currentMap(): MapData | null {
  const status = mapStore.getState().status;
  return status.type === 'ready' ? status.data : null;
}
