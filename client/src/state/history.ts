/**
 * The undo history: a pure stack of entries, each knowing how to undo and redo itself by replaying
 * mutations against the API. Undo moves an entry to the redo stack; a new entry clears redo.
 */
export interface HistoryEntry {
  /** i18n key naming the action ("history.createLink"), shown in undo/redo tooltips. */
  labelKey: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

export const HISTORY_LIMIT = 100;

export function emptyHistory(): History {
  return { past: [], future: [] };
}

export function pushEntry(history: History, entry: HistoryEntry, limit = HISTORY_LIMIT): History {
  const past = [...history.past, entry];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

/** The entry to undo and the history after it, or null when there is nothing to undo. */
export function takeUndo(history: History): { entry: HistoryEntry; history: History } | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return { entry, history: { past: history.past.slice(0, -1), future: [entry, ...history.future] } };
}

export function takeRedo(history: History): { entry: HistoryEntry; history: History } | null {
  const [entry, ...future] = history.future;
  if (!entry) return null;
  return { entry, history: { past: [...history.past, entry], future } };
}
