import type { TFunction } from 'i18next';

import { errorText } from '../../api/error-text.ts';
import type { Coupling } from '../../canvas/model.ts';
import { historyActions, historyStore } from '../../state/history-store.ts';
import { pageActions } from '../../state/page-store.ts';
import { currentMap, type LinkRecord, type MapData } from '../../state/map-store.ts';
import { type Selection, selectionActions } from '../../state/selection-store.ts';
import { viewActions } from '../../state/view-store.ts';
import { confirmAction } from '../../ui/confirm-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { historyFilterActions } from '../history/index.ts';
import { getCanvas } from '../map/canvas-handle.ts';
import { reloadMap } from '../map/load-map.ts';
import { deleteActor, deleteArena, deleteLinkRecord, deleteUnit, setCoupling } from './commands.ts';
import { guardConflict } from './conflict-store.ts';
import { editorActions } from './editor-store.ts';

export interface ActionContext {
  map: MapData;
  selected: Selection;
  t: TFunction;
}

/**
 * Every user action, declared once: label, shortcut, when it applies and what it does. The
 * toolbar, the details panel and the keyboard map all read this list (Excalidraw's pattern).
 * `history` says how it enters undo: mutations record themselves in commands.ts.
 */
export interface ActionDescriptor {
  id: string;
  labelKey: string;
  shortcut: string;
  keyTest: (e: KeyboardEvent) => boolean;
  isEnabled: (ctx: ActionContext) => boolean;
  perform: (ctx: ActionContext) => void | Promise<void>;
  history: 'immediately' | 'never';
}

const plain = (key: string) => (e: KeyboardEvent) =>
  e.key.toLowerCase() === key && !e.ctrlKey && !e.metaKey && !e.altKey;
const isActor = (c: ActionContext) => c.selected?.entity === 'actor';
const isLink = (c: ActionContext) => c.selected?.entity === 'link';
const always = () => true;

/**
 * Sets a coupling; when someone else saved the link since it was loaded, the details panel shows
 * what changed with Reload and Reapply (which loads the stored link and tries again).
 */
async function setCouplingGuarded(organisationId: string, link: LinkRecord, coupling: Coupling): Promise<void> {
  const reapply = async () => {
    await reloadMap();
    const stored = currentMap()?.links.find((l) => l.id === link.id);
    if (stored) await setCouplingGuarded(organisationId, stored, coupling);
  };
  await guardConflict(link, () => setCoupling(organisationId, link, coupling), reapply);
}

function couplingAction(id: string, labelKey: string, key: string, coupling: Coupling): ActionDescriptor {
  return {
    id,
    labelKey,
    shortcut: key,
    keyTest: plain(key),
    isEnabled: isLink,
    history: 'immediately',
    perform: async ({ map, selected }) => {
      const link = map.links.find((l) => l.id === selected?.id);
      if (link) await setCouplingGuarded(map.organisation.id, link, coupling);
    },
  };
}

/** The selected record's display name and how to delete it, or null when nothing is selected. */
function describeSelected({ map, selected }: ActionContext): { name: string; run: () => Promise<void> } | null {
  const organisationId = map.organisation.id;
  const name = (id: string) => map.actors.find((a) => a.id === id)?.name ?? id;
  switch (selected?.entity) {
    case 'actor': {
      const actor = map.actors.find((a) => a.id === selected.id);
      return actor ? { name: actor.name, run: () => deleteActor(map, actor) } : null;
    }
    case 'link': {
      const link = map.links.find((l) => l.id === selected.id);
      return link
        ? { name: `${name(link.sourceId)} → ${name(link.targetId)}`, run: () => deleteLinkRecord(organisationId, link) }
        : null;
    }
    case 'unit': {
      const unit = map.units.find((u) => u.id === selected.id);
      return unit ? { name: unit.name, run: () => deleteUnit(organisationId, unit) } : null;
    }
    case 'arena': {
      const arena = map.arenas.find((a) => a.id === selected.id);
      return arena ? { name: arena.name, run: () => deleteArena(organisationId, map, arena) } : null;
    }
    default:
      return null;
  }
}

async function deleteSelected(ctx: ActionContext): Promise<void> {
  const { t } = ctx;
  const deletion = describeSelected(ctx);
  if (!deletion) return;
  const isConfirmed = await confirmAction({
    title: t('actions.deleteSelected'),
    message: t('actions.confirmDelete', { name: deletion.name }),
    confirmLabel: t('common.delete'),
  });
  if (!isConfirmed) return;
  await deletion.run();
  selectionActions.select(null);
  notifyDone(t, t('status.deleted', { name: deletion.name }));
}

/** A short confirmation of a save or delete, with Undo (the edit is the newest undo entry). */
export function notifyDone(t: TFunction, text: string): void {
  notify(text, 'info', {
    label: t('toolbar.undo'),
    run: () => void replay('undo', t).catch((error: unknown) => notify(errorText(t, error), 'error')),
  });
}

async function replay(kind: 'undo' | 'redo', t: TFunction): Promise<void> {
  const state = historyStore.getState();
  const entry = kind === 'undo' ? state.past.at(-1) : state.future[0];
  if (!entry) return notify(t('history.nothing'));
  await (kind === 'undo' ? historyActions.undo() : historyActions.redo());
  const label = t(entry.labelKey as 'history.createLink');
  notify(t(kind === 'undo' ? 'status.undone' : 'status.redone', { label }));
}

export const ACTIONS: ActionDescriptor[] = [
  {
    id: 'addActor',
    labelKey: 'actions.addActor',
    shortcut: 'A',
    keyTest: plain('a'),
    isEnabled: always,
    history: 'immediately',
    // With a unit selected, the new actor starts in it.
    perform: ({ selected }) =>
      editorActions.open({ type: 'actor', ...(selected?.entity === 'unit' ? { unitId: selected.id } : {}) }),
  },
  {
    id: 'addUnit',
    labelKey: 'actions.addUnit',
    shortcut: 'U',
    keyTest: plain('u'),
    isEnabled: always,
    history: 'immediately',
    perform: () => editorActions.open({ type: 'unit' }),
  },
  {
    id: 'addArena',
    labelKey: 'actions.addArena',
    shortcut: 'R',
    keyTest: plain('r'),
    isEnabled: always,
    history: 'immediately',
    perform: () => editorActions.open({ type: 'arena' }),
  },
  {
    id: 'addLink',
    labelKey: 'actions.addLink',
    shortcut: 'N',
    keyTest: plain('n'),
    isEnabled: always,
    history: 'immediately',
    perform: ({ selected }) =>
      editorActions.open({ type: 'link', ...(selected?.entity === 'actor' ? { sourceId: selected.id } : {}) }),
  },
  {
    id: 'linkFromSelected',
    labelKey: 'actions.linkFromSelected',
    shortcut: 'L',
    keyTest: plain('l'),
    isEnabled: isActor,
    history: 'immediately',
    // The status line shows the prompt while the pick is pending, and drops it when it ends.
    perform: ({ selected }) => {
      if (selected) selectionActions.startPick({ mode: 'link', fromId: selected.id });
    },
  },
  {
    id: 'editSelected',
    labelKey: 'actions.editSelected',
    shortcut: 'E',
    keyTest: plain('e'),
    isEnabled: (c) => c.selected !== null,
    history: 'immediately',
    perform: ({ selected }) => {
      if (selected) editorActions.open({ type: selected.entity, id: selected.id });
    },
  },
  {
    id: 'deleteSelected',
    labelKey: 'actions.deleteSelected',
    shortcut: 'Delete',
    keyTest: (e) => e.key === 'Delete' || e.key === 'Backspace',
    isEnabled: (c) => c.selected !== null,
    history: 'immediately',
    perform: deleteSelected,
  },
  {
    id: 'recordHistory',
    labelKey: 'actions.recordHistory',
    shortcut: 'H',
    keyTest: plain('h'),
    isEnabled: (c) => c.selected !== null,
    history: 'never',
    perform: (ctx) => {
      const described = describeSelected(ctx);
      if (!ctx.selected || !described) return;
      historyFilterActions.set({ record: { id: ctx.selected.id, label: described.name }, person: null });
      pageActions.open('history');
    },
  },
  couplingAction('setTight', 'actions.setTight', '1', 'TIGHT'),
  couplingAction('setLoose', 'actions.setLoose', '2', 'LOOSE'),
  couplingAction('setDecoupled', 'actions.setDecoupled', '3', 'DECOUPLED'),
  {
    id: 'focus',
    labelKey: 'actions.focus',
    shortcut: 'G',
    keyTest: plain('g'),
    isEnabled: isActor,
    history: 'never',
    perform: ({ selected }) => viewActions.focus(selected?.id ?? null),
  },
  {
    id: 'pathFrom',
    labelKey: 'actions.pathFrom',
    shortcut: 'P',
    keyTest: plain('p'),
    isEnabled: isActor,
    history: 'never',
    perform: ({ selected }) => {
      if (selected) selectionActions.startPick({ mode: 'path', fromId: selected.id });
    },
  },
  {
    id: 'clearEmphasis',
    labelKey: 'actions.clearEmphasis',
    shortcut: 'Esc',
    keyTest: (e) => e.key === 'Escape',
    isEnabled: always,
    history: 'never',
    perform: () => {
      viewActions.resetEmphasis();
      selectionActions.clear();
    },
  },
  {
    id: 'showHelp',
    labelKey: 'actions.showHelp',
    shortcut: '?',
    keyTest: (e) => e.key === '?',
    isEnabled: always,
    history: 'never',
    perform: () => viewActions.showHelp(true),
  },
  {
    id: 'fit',
    labelKey: 'toolbar.fit',
    shortcut: 'F',
    keyTest: plain('f'),
    isEnabled: always,
    history: 'never',
    perform: () => getCanvas()?.fit(),
  },
  {
    id: 'zoomIn',
    labelKey: 'toolbar.zoomIn',
    shortcut: '+',
    keyTest: (e) => e.key === '+',
    isEnabled: always,
    history: 'never',
    perform: () => getCanvas()?.zoomBy(1.25),
  },
  {
    id: 'zoomOut',
    labelKey: 'toolbar.zoomOut',
    shortcut: '−',
    keyTest: (e) => e.key === '-',
    isEnabled: always,
    history: 'never',
    perform: () => getCanvas()?.zoomBy(0.8),
  },
  {
    id: 'undo',
    labelKey: 'toolbar.undo',
    shortcut: 'Ctrl+Z',
    keyTest: (e) => (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z',
    isEnabled: always,
    history: 'never',
    perform: ({ t }) => replay('undo', t),
  },
  {
    id: 'redo',
    labelKey: 'toolbar.redo',
    shortcut: 'Ctrl+Shift+Z',
    keyTest: (e) =>
      (e.ctrlKey || e.metaKey) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
    isEnabled: always,
    history: 'never',
    perform: ({ t }) => replay('redo', t),
  },
];

export const actionById = (id: string) => ACTIONS.find((a) => a.id === id) as ActionDescriptor;

/** Runs an action, turning a refused mutation into a notice that says what to do. */
export async function runAction(action: ActionDescriptor, ctx: ActionContext): Promise<void> {
  if (!action.isEnabled(ctx)) return;
  try {
    await action.perform(ctx);
  } catch (error) {
    notify(errorText(ctx.t, error), 'error');
  }
}
