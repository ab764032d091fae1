/** The history feature's public surface: the page, and narrowing it to one record before opening it. */
export { historyFilterActions } from './history-filter-store.ts';
export { HistoryPage } from './HistoryPage.tsx';
