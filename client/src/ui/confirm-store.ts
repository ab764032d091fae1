import { create } from 'zustand';

/** What an in-app confirmation asks: the question, what will happen, and the button that does it. */
export interface ConfirmRequest {
  title: string;
  message: string;
  /** Lines listed under the message (what will be removed or undone). */
  details?: readonly string[];
  confirmLabel: string;
  /** A destructive action: the confirm button is drawn as such, and Cancel has the focus. */
  isDestructive?: boolean;
}

interface Pending extends ConfirmRequest {
  resolve: (isConfirmed: boolean) => void;
}

export const confirmStore = create<{ pending: Pending | null }>(() => ({ pending: null }));

/**
 * Asks in an in-app dialog (never `window.confirm`, which blocks the page and cannot be styled or
 * translated): resolves true on confirm, false on cancel or Esc. A second request answers the
 * first with false.
 */
export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  confirmStore.getState().pending?.resolve(false);
  return new Promise((resolve) => confirmStore.setState({ pending: { ...request, resolve } }));
}

export function answerConfirm(isConfirmed: boolean): void {
  const { pending } = confirmStore.getState();
  confirmStore.setState({ pending: null });
  pending?.resolve(isConfirmed);
}
