import { create } from 'zustand';

import { viewActions } from '../../state/view-store.ts';
import { reloadMap } from '../map/load-map.ts';
import { asVersionConflict, type VersionConflict } from './conflict.ts';

/**
 * A conflict from an action outside a form (a coupling set by key or button in the details
 * panel): the panel showing that record offers Reload and Reapply. Forms keep theirs in useSubmit.
 */
export interface PendingConflict {
  recordId: string;
  /** The record the refused change was based on (its version tells whether this is still news). */
  base: { id: string; version: number };
  conflict: VersionConflict;
  /** Loads the stored version and sends the same change on top of it (guarded in turn). */
  reapply: () => Promise<void>;
}

export const conflictStore = create<{ pending: PendingConflict | null }>(() => ({ pending: null }));
export const useConflict = conflictStore;

export const conflictActions = {
  show: (pending: PendingConflict) => conflictStore.setState({ pending }),
  clear: () => conflictStore.setState({ pending: null }),
  /** Reload: take the stored version, drop my change. */
  reload: async () => {
    conflictStore.setState({ pending: null });
    await reloadMap();
  },
};

/** Runs a change; a VERSION_CONFLICT becomes a pending conflict, other refusals are thrown on. */
export async function guardConflict(
  base: PendingConflict['base'],
  run: () => Promise<void>,
  reapply: () => Promise<void>,
): Promise<void> {
  conflictActions.clear();
  try {
    await run();
  } catch (error) {
    const conflict = asVersionConflict(error);
    if (!conflict) throw error;
    conflictActions.show({ recordId: base.id, base, conflict, reapply });
    viewActions.showPanel('details'); // where the record is shown, with Reload and Reapply
  }
}

/** Reapply from the details panel: the same change on top of the stored version. */
export async function reapplyPending(pending: PendingConflict): Promise<void> {
  conflictActions.clear();
  await pending.reapply();
}
