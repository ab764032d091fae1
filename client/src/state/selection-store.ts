import { create } from 'zustand';

export type Selection = { entity: 'actor' | 'link' | 'unit' | 'arena'; id: string } | null;

/** A two-step action waiting for its second actor: "link from selected" or "best path from here". */
export type PendingPick = { mode: 'link' | 'path'; fromId: string } | null;

export interface SelectionState {
  selected: Selection;
  pending: PendingPick;
}

export function getEmptySelectionState(): SelectionState {
  return { selected: null, pending: null };
}

export const selectionStore = create<SelectionState>(() => getEmptySelectionState());
export const useSelection = selectionStore;

export const selectionActions = {
  select: (selected: Selection) => selectionStore.setState({ selected }),
  clear: () => selectionStore.setState(getEmptySelectionState()),
  startPick: (pending: PendingPick) => selectionStore.setState({ pending }),
};
