import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal on the native <dialog>: focus trapping, Esc to close and the backdrop come for free. The
 * field marked `data-autofocus` gets the focus, else the first one.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first field. A field inside cannot take the focus before (the dialog is
    // hidden until then, so React's autoFocus misses): one marked data-autofocus takes it now.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={props.title}
      onCancel={(e) => (e.preventDefault(), props.onClose())}
    >
      <h2>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
