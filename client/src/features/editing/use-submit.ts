import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText, fieldErrors } from '../../api/error-text.ts';
import { reloadMap } from '../map/load-map.ts';
import { asVersionConflict, type VersionConflict } from './conflict.ts';
import { editorActions } from './editor-store.ts';

/**
 * Runs a form's save: on refusal, keeps the form open with the reason beside each field; when
 * someone else saved the record first (VERSION_CONFLICT), `conflict` says so for the form's
 * ConflictNotice instead.
 */
export function useSubmit() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<VersionConflict | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    setConflict(null);
    try {
      await run();
      editorActions.close();
    } catch (error) {
      const found = asVersionConflict(error);
      if (found) setConflict(found);
      else {
        setErrors(fieldErrors(t, error));
        setMessage(errorText(t, error));
      }
    } finally {
      setBusy(false); // only the busy flag: the error set in catch stays
    }
  };
  return { errors, message, conflict, isBusy, submit };
}

/** A conflict's "Reload": take the stored version and start the open form afresh from it. */
export async function reloadAndReopen(): Promise<void> {
  await reloadMap();
  editorActions.reopen();
}
