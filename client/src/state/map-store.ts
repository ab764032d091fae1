import { create } from 'zustand';

import type { RequestStatus } from '../api/client.ts';
import type { MapSliceQuery } from '../api/generated/graphql.ts';

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
}

export function getEmptyMapState(): MapState {
  return {
    organisationId: null,
    scenarioId: null,
    status: { type: 'idle' },
    compareScenarioId: null,
    compareStatus: { type: 'idle' },
  };
}

export const mapStore = create<MapState>(() => getEmptyMapState());
export const useMapState = mapStore;

export function currentMap(): MapData | null {
  const status = mapStore.getState().status;
  return status.type === 'ready' ? status.data : null;
}
