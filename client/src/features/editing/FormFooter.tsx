import { useTranslation } from 'react-i18next';

import { editorActions } from './editor-store.ts';

export function FormFooter(props: { message: string | null; isBusy: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {props.message ? (
        <p className="form__message" role="alert">
          {props.message}
        </p>
      ) : null}
      <div className="form__buttons">
        <button type="button" onClick={editorActions.close}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={props.isBusy}>
          {t('common.save')}
        </button>
      </div>
    </>
  );
}
