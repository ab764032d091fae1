import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText, fieldErrors } from '../../api/error-text.ts';
import { reloadMap } from '../map/load-map.ts';
import { notifyDone } from './actions.ts';
import { asVersionConflict, type VersionConflict } from './conflict.ts';
import { editorActions, type EditorTarget } from './editor-store.ts';

/** After a successful save: what the toast says, and the form to open next ("save and add another"). */
export interface SubmitDone {
  text: string;
  next?: EditorTarget | undefined;
}

/**
 * Runs a form's save, then says so in a toast with Undo and closes the form (the editor's, unless
 * `close` says otherwise) or opens the next one, fresh. On refusal, keeps the form open with the reason beside each field; when
 * someone else saved the record first (VERSION_CONFLICT), `conflict` says so for the form's
 * ConflictNotice instead.
 */
export function useSubmit(options: { close?: () => void } = {}) {
  const { t } = useTranslation();
  const close = options.close ?? editorActions.close;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<VersionConflict | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (run: () => Promise<SubmitDone | void>) => {
    setBusy(true);
    setErrors({});
    setMessage(null);
    setConflict(null);
    try {
      const done = await run();
      if (done?.next) editorActions.openFresh(done.next);
      else close();
      if (done) notifyDone(t, done.text);
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
