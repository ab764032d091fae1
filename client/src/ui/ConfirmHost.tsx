import { useTranslation } from 'react-i18next';

import { answerConfirm, confirmStore } from './confirm-store.ts';
import { Dialog } from './Dialog.tsx';

/** Renders the open confirmation, if any; mounted once at the root of every page. */
export function ConfirmHost() {
  const { t } = useTranslation();
  const pending = confirmStore((s) => s.pending);
  if (!pending) return null;
  return (
    <Dialog title={pending.title} onClose={() => answerConfirm(false)}>
      <div data-testid="confirm-dialog">
        <p>{pending.message}</p>
        {pending.details && pending.details.length > 0 ? (
          <ul className="confirm__details">
            {pending.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        <div className="form__buttons">
          <button
            type="button"
            onClick={() => answerConfirm(false)}
            data-autofocus={pending.isDestructive || undefined}
          >
            {t('common.cancel')}
          </button>
          <button
            type="button"
            data-action="confirm"
            className={pending.isDestructive ? 'danger' : 'primary'}
            onClick={() => answerConfirm(true)}
            data-autofocus={!pending.isDestructive || undefined}
          >
            {pending.confirmLabel}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
