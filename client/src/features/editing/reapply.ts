import { ApiError } from '../../api/client.ts';
import { currentMap, type MapData } from '../../state/map-store.ts';
import { reloadMap } from '../map/load-map.ts';
import { patchOf } from './conflict.ts';

/**
 * "Reapply" after a VERSION_CONFLICT: loads the stored version, then sends my change (only the
 * fields I changed against the version I started from) on top of it through the same command as
 * a normal save, so it is checked against the new version and enters undo like any edit (undo
 * then restores the stored version, not the one I started from).
 */
export async function reapplyOnStored<R extends { id: string; version: number }, I>(
  base: R,
  mine: { organisationId: string },
  pick: (map: MapData) => readonly R[],
  update: (before: R, input: I) => Promise<void>,
): Promise<void> {
  await reloadMap();
  const map = currentMap();
  const stored = map ? pick(map).find((r) => r.id === base.id) : undefined;
  if (!stored) throw new ApiError('NOT_FOUND', `${base.id} no longer exists`);
  // The patch holds only fields of the form's input type, so it is a valid update input.
  const input = { ...patchOf(base, mine), organisationId: mine.organisationId, id: base.id };
  await update(stored, { ...input, expectedVersion: stored.version } as I);
}
