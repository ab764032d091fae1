import { type ReactNode, useEffect, useRef } from 'react';

/** A modal on the native <dialog>: focus trapping, Esc to close and the backdrop come for free. */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
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
