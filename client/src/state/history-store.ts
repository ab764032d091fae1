import { create } from 'zustand';

import { type History, type HistoryEntry, emptyHistory, pushEntry, takeRedo, takeUndo } from './history.ts';

export const historyStore = create<History & { isBusy: boolean }>(() => ({ ...emptyHistory(), isBusy: false }));
export const useHistory = historyStore;

/**
 * Runs an undo or redo. If the replayed mutation fails (someone else changed the record), the
 * entry is dropped rather than put back, and the error goes to the caller to show.
 */
async function replay(take: typeof takeUndo, run: (entry: HistoryEntry) => Promise<void>): Promise<void> {
  const state = historyStore.getState();
  if (state.isBusy) return;
  const next = take(state);
  if (!next) return;
  historyStore.setState({ isBusy: true });
  try {
    await run(next.entry);
    historyStore.setState({ ...next.history, isBusy: false });
  } catch (error) {
    historyStore.setState({
      ...next.history,
      past: next.history.past.filter((e) => e !== next.entry),
      future: next.history.future.filter((e) => e !== next.entry),
      isBusy: false,
    });
    throw error;
  }
}

export const historyActions = {
  record: (entry: HistoryEntry) => historyStore.setState((s) => pushEntry(s, entry)),
  undo: () => replay(takeUndo, (entry) => entry.undo()),
  redo: () => replay(takeRedo, (entry) => entry.redo()),
  clear: () => historyStore.setState({ ...emptyHistory(), isBusy: false }),
};
