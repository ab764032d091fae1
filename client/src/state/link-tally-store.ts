import { create } from 'zustand';

/** What the map draws on a link a perception round asks about; the text is made by the rounds feature. */
export interface LinkTally {
  /** The text on the line: how many answered and how they split, with the marks ("≠ 5 · 3/1/1"). */
  label: string;
  /** The answers part on some aspect. */
  isViewsPart: boolean;
  /** Most answers differ from what the link records. */
  isDiffering: boolean;
}

export interface LinkTallyState {
  /** By link id; empty while no round is followed. */
  tallies: ReadonlyMap<string, LinkTally>;
}

export function getEmptyLinkTallyState(): LinkTallyState {
  return { tallies: new Map() };
}

export const linkTallyStore = create<LinkTallyState>(() => getEmptyLinkTallyState());
export const useLinkTallies = linkTallyStore;

export const linkTallyActions = {
  show: (tallies: ReadonlyMap<string, LinkTally>) => linkTallyStore.setState({ tallies }),
  clear: () => linkTallyStore.setState(getEmptyLinkTallyState()),
};
