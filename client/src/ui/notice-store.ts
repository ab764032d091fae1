import { create } from 'zustand';

/**
 * One notice for the whole app (a save, a delete, a refusal), shown as a toast and read by screen
 * readers through its aria-live region. An action (Undo) may come with it.
 */
export interface Notice {
  text: string;
  tone: 'info' | 'error';
  at: number;
  action?: NoticeAction | undefined;
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

export const noticeStore = create<{ notice: Notice | null }>(() => ({ notice: null }));
export const notify = (text: string, tone: Notice['tone'] = 'info', action?: NoticeAction) =>
  noticeStore.setState({ notice: { text, tone, at: Date.now(), action } });
export const clearNotice = () => noticeStore.setState({ notice: null });
