import { create } from 'zustand';

/** Which edit form is open; forms read the record from the map by id. */
export type EditorTarget =
  | { type: 'actor'; id?: string; levelKey?: string; unitId?: string }
  | { type: 'unit'; id?: string }
  | { type: 'arena'; id?: string }
  | { type: 'link'; id?: string; sourceId?: string; targetId?: string }
  | null;

/** `revision` is part of the form's key: bumping it starts the open form afresh from the map. */
export const editorStore = create<{ target: EditorTarget; revision: number }>(() => ({ target: null, revision: 0 }));
export const useEditor = editorStore;
export const editorActions = {
  open: (target: EditorTarget) => editorStore.setState({ target }),
  close: () => editorStore.setState({ target: null }),
  /** Opens a form afresh even when the same kind of form is open (save and add another). */
  openFresh: (target: EditorTarget) => editorStore.setState((s) => ({ target, revision: s.revision + 1 })),
  reopen: () => editorStore.setState((s) => ({ revision: s.revision + 1 })),
};
