import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText, fieldErrors } from '../../api/error-text.ts';
import { editorActions } from './editor-store.ts';

/** Runs a form's save: on refusal, keeps the form open with the reason beside each field. */
export function useSubmit() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      await run();
      editorActions.close();
    } catch (error) {
      setErrors(fieldErrors(t, error));
      setMessage(errorText(t, error));
    } finally {
      setBusy(false); // only the busy flag: the error set in catch stays
    }
  };
  return { errors, message, isBusy, submit };
}
