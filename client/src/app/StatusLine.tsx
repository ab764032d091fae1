import { useTranslation } from 'react-i18next';

import { useSelection } from '../state/selection-store.ts';

/** The keyboard help, and what a two-step action waits for ("now pick the target"). */
export function StatusLine() {
  const { t } = useTranslation();
  const pending = useSelection((s) => s.pending);
  return (
    <footer className="status-line">
      <span role="status" aria-live="polite" className="notice" data-testid="pending-prompt">
        {pending ? t(pending.mode === 'link' ? 'actions.linkPick' : 'actions.pathPick') : ''}
      </span>
      <span className="status-line__help">{t('app.keyboardHelp')}</span>
    </footer>
  );
}
