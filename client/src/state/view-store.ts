import { create } from 'zustand';

import type { Coupling, LinkKind } from '../canvas/model.ts';

/** Filters narrow what is drawn; an empty list means "all". */
export interface Filters {
  levelKeys: string[];
  kinds: LinkKind[];
  couplings: Coupling[];
  unitIds: string[];
  /** Only links whose perceptions disagree (absent: all links; presentation steps leave it out). */
  isDisagreeingOnly?: boolean;
}

/** Highlighted actors and links, e.g. from an analysis finding: everything else is dimmed. */
export interface Emphasis {
  actorIds: string[];
  linkIds: string[];
}

export interface ViewState {
  filters: Filters;
  search: string;
  focusActorId: string | null;
  pathEnds: [string, string] | null;
  emphasis: Emphasis | null;
  layoutMode: 'layered' | 'force';
  /** Bumped to ask the canvas to re-run the layout (dropping saved positions). */
  layoutRun: number;
  /** Units drawn in full although the map is large enough to collapse units (canvas/collapse.ts). */
  openedUnitIds: string[];
  /** The person's choice to draw units collapsed on a large map; null: by the map's size. */
  unitsAsBoxes: boolean | null;
  panel:
    | 'details'
    | 'filters'
    | 'analysis'
    | 'scenarios'
    | 'initiatives'
    | 'importExport'
    | 'presentations'
    | 'rounds'
    | 'timeline';
  /** The side panel is folded to its tabs until something is chosen: the map gets the room. */
  isPanelOpen: boolean;
  /** The list of keyboard shortcuts (?) is shown. */
  isHelpOpen: boolean;
}

export function getEmptyViewState(): ViewState {
  return {
    filters: { levelKeys: [], kinds: [], couplings: [], unitIds: [], isDisagreeingOnly: false },
    search: '',
    focusActorId: null,
    pathEnds: null,
    emphasis: null,
    layoutMode: 'layered',
    layoutRun: 0,
    openedUnitIds: [],
    unitsAsBoxes: null,
    panel: 'details',
    isPanelOpen: false,
    isHelpOpen: false,
  };
}

export const viewStore = create<ViewState>(() => getEmptyViewState());
export const useView = viewStore;

export function toggleInList<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export const viewActions = {
  setFilters: (patch: Partial<Filters>) => viewStore.setState((s) => ({ filters: { ...s.filters, ...patch } })),
  clearFilters: () => viewStore.setState({ filters: getEmptyViewState().filters }),
  setSearch: (search: string) => viewStore.setState({ search }),
  focus: (focusActorId: string | null) => viewStore.setState({ focusActorId }),
  setPathEnds: (pathEnds: [string, string] | null) => viewStore.setState({ pathEnds }),
  emphasise: (emphasis: Emphasis | null) => viewStore.setState({ emphasis }),
  setLayoutMode: (layoutMode: ViewState['layoutMode']) =>
    viewStore.setState((s) => ({ layoutMode, layoutRun: s.layoutRun + 1 })),
  relayout: () => viewStore.setState((s) => ({ layoutRun: s.layoutRun + 1 })),
  toggleUnitOpen: (unitId: string) =>
    viewStore.setState((s) => ({ openedUnitIds: toggleInList(s.openedUnitIds, unitId) })),
  setUnitsAsBoxes: (unitsAsBoxes: boolean) => viewStore.setState({ unitsAsBoxes }),
  showPanel: (panel: ViewState['panel']) => viewStore.setState({ panel, isPanelOpen: true }),
  closePanel: () => viewStore.setState({ isPanelOpen: false }),
  showHelp: (isHelpOpen: boolean) => viewStore.setState({ isHelpOpen }),
  resetEmphasis: () => viewStore.setState({ focusActorId: null, pathEnds: null, emphasis: null, search: '' }),
  /** Ends a finding's highlight, a focus or a best path (what dims the rest of the map). */
  clearHighlight: () => viewStore.setState({ focusActorId: null, pathEnds: null, emphasis: null }),
  /** Another organisation: its filters, search and highlights start empty; the open panel stays. */
  resetForOrganisation: () =>
    viewStore.setState((s) => ({ ...getEmptyViewState(), panel: s.panel, isPanelOpen: s.isPanelOpen })),
};
