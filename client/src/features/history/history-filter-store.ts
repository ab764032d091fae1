import { create } from 'zustand';

/** What the history page narrows to: one record, one person, or both (null: everything). */
export interface HistoryFilter {
  record: { id: string; label: string } | null;
  person: { id: string; label: string } | null;
}

export const historyFilterStore = create<HistoryFilter>(() => ({ record: null, person: null }));
export const useHistoryFilter = historyFilterStore;
export const historyFilterActions = {
  set: (patch: Partial<HistoryFilter>) => historyFilterStore.setState(patch),
};
