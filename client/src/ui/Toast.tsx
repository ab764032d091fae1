import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { clearNotice, noticeStore } from './notice-store.ts';

/** How long a confirmation stays; a refusal stays until it is closed or replaced. */
const INFO_MS = 6000;

/**
 * The latest notice as a short toast at the foot of the page. The live region is always in the
 * page (empty when there is nothing to say), so that screen readers announce each new text.
 */
export function Toast() {
  const { t } = useTranslation();
  const notice = noticeStore((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.tone === 'error') return;
    const timer = window.setTimeout(() => {
      if (noticeStore.getState().notice === notice) clearNotice();
    }, INFO_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const isError = notice?.tone === 'error';
  return (
    <div className="toast-region" role={isError ? 'alert' : 'status'} aria-live={isError ? 'assertive' : 'polite'}>
      {notice ? (
        <div className={isError ? 'toast toast--error' : 'toast'}>
          <span data-testid="notice">{notice.text}</span>
          {notice.action ? (
            <button
              type="button"
              data-action="toastAction"
              onClick={() => {
                notice.action?.run();
                clearNotice();
              }}
            >
              {notice.action.label}
            </button>
          ) : null}
          <button type="button" className="toast__close" aria-label={t('common.close')} onClick={clearNotice}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
