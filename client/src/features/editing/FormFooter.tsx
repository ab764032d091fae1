import { useTranslation } from 'react-i18next';

import { editorActions } from './editor-store.ts';

/**
 * The form's message and buttons. With `onSaveAndAdd`, a second button saves and opens the same
 * form again for the next record (also Ctrl+Enter, handled by the form).
 */
export function FormFooter(props: {
  message: string | null;
  isBusy: boolean;
  onSaveAndAdd?: (() => void) | undefined;
  /** Closes the form; the edit form's by default. */
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.message ? (
        <p className="form__message" role="alert">
          {props.message}
        </p>
      ) : null}
      <div className="form__buttons">
        <button type="button" onClick={props.onCancel ?? editorActions.close}>
          {t('common.cancel')}
        </button>
        {props.onSaveAndAdd ? (
          <button
            type="button"
            data-action="saveAndAdd"
            title={`${t('forms.saveAndAdd')} (Ctrl+Enter)`}
            disabled={props.isBusy}
            onClick={props.onSaveAndAdd}
          >
            {t('forms.saveAndAdd')}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={props.isBusy}>
          {t('common.save')}
        </button>
      </div>
    </>
  );
}

/** A form's keydown handler: Ctrl+Enter (or ⌘+Enter) anywhere in it saves and adds another. */
export function onSaveAndAddKey(saveAndAdd: () => void) {
  return (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      saveAndAdd();
    }
  };
}
