import { useTranslation } from 'react-i18next';

import { useSelection } from '../state/selection-store.ts';
import { noticeStore } from '../ui/notice-store.ts';

/** Notices (undo, errors, "now pick the target") and the keyboard help, in an aria-live line. */
export function StatusLine() {
  const { t } = useTranslation();
  const notice = noticeStore((s) => s.notice);
  const pending = useSelection((s) => s.pending);
  const text = pending ? t(pending.mode === 'link' ? 'actions.linkPick' : 'actions.pathPick') : notice?.text;
  return (
    <footer className="status-line">
      <span
        role="status"
        aria-live="polite"
        data-testid="notice"
        className={notice?.tone === 'error' && !pending ? 'notice notice--error' : 'notice'}
      >
        {text ?? ''}
      </span>
      <span className="status-line__help">{t('app.keyboardHelp')}</span>
    </footer>
  );
}
