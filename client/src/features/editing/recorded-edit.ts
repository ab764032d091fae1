import { historyActions } from '../../state/history-store.ts';
import { reloadMap } from '../map/load-map.ts';

/**
 * Every edit goes through here: run the mutation, record the inverse in the undo history, reload
 * the map. Undo replays inverse mutations against the API (creates carry their id, so a redo
 * recreates the same record and later history entries still point at it).
 */
export async function recordEdit(
  labelKey: string,
  redo: () => Promise<unknown>,
  undo: () => Promise<unknown>,
): Promise<void> {
  await redo();
  historyActions.record({
    labelKey,
    redo: async () => {
      await redo();
      await reloadMap();
    },
    undo: async () => {
      await undo();
      await reloadMap();
    },
  });
  await reloadMap();
}

/**
 * An update and its inverse. Each replay is sent with the version the record had after the last
 * step this client made, so an undo or redo is refused (VERSION_CONFLICT, shown as a notice)
 * instead of overwriting what someone else changed since.
 */
export async function recordUpdate<I extends { expectedVersion?: number | null }>(
  labelKey: string,
  save: (input: I) => Promise<{ version: number }>,
  forward: I,
  back: I,
): Promise<void> {
  let version = (await save(forward)).version;
  const replay = (input: I) => async () => {
    version = (await save({ ...input, expectedVersion: version })).version;
    await reloadMap();
  };
  historyActions.record({ labelKey, redo: replay(forward), undo: replay(back) });
  await reloadMap();
}

/** A fresh id for a record made here: created with it, so an undo and redo can name the same record. */
export function newRecordId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}
