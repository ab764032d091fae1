import { create } from 'zustand';

/** One status line for the whole app, read by screen readers through an aria-live region. */
export interface Notice {
  text: string;
  tone: 'info' | 'error';
  at: number;
}

export const noticeStore = create<{ notice: Notice | null }>(() => ({ notice: null }));
export const notify = (text: string, tone: Notice['tone'] = 'info') =>
  noticeStore.setState({ notice: { text, tone, at: Date.now() } });
export const clearNotice = () => noticeStore.setState({ notice: null });
