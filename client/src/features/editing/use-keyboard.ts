import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { currentMap } from '../../state/map-store.ts';
import { selectionStore } from '../../state/selection-store.ts';
import { viewStore } from '../../state/view-store.ts';
import { ACTIONS, runAction } from './actions.ts';
import { editorStore } from './editor-store.ts';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The keyboard map: every registered action's shortcut, except while typing or in a dialog. */
export function useKeyboard(): void {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not while a form is open, in the app's editor or any other dialog, nor while typing.
      const isInDialog = e.target instanceof Element && e.target.closest('dialog') !== null;
      if (editorStore.getState().target || viewStore.getState().isHelpOpen || isInDialog || isTyping(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        document.getElementById('actor-search')?.focus();
        return;
      }
      const map = currentMap();
      const action = ACTIONS.find((a) => a.keyTest(e));
      if (!map || !action) return;
      e.preventDefault();
      void runAction(action, { map, selected: selectionStore.getState().selected, t });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t]);
}
