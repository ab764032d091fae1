import { create } from 'zustand';

/** The pages beside the map: the organisation's settings, members and history, one's account, all users. */
export const PAGES = ['map', 'organisation', 'members', 'history', 'account', 'users'] as const;
export type PageId = (typeof PAGES)[number];

/** Pages of one person rather than of an organisation: they open with no organisation at all. */
export function isPersonalPage(page: PageId): page is 'account' | 'users' {
  return page === 'account' || page === 'users';
}

/** The page named by `?page=` (the map when absent or unknown). */
export function pageFromUrl(search: string): PageId {
  const wanted = new URLSearchParams(search).get('page');
  return PAGES.find((page) => page === wanted) ?? 'map';
}

export const pageStore = create<{ page: PageId }>(() => ({
  page: typeof window === 'undefined' ? 'map' : pageFromUrl(window.location.search),
}));
export const usePage = pageStore;

export const pageActions = {
  /** Opens a page as a new browser-history entry, so Back returns to where one was. */
  open: (page: PageId) => {
    if (pageStore.getState().page === page) return;
    const url = new URL(window.location.href);
    if (page === 'map') url.searchParams.delete('page');
    else url.searchParams.set('page', page);
    window.history.pushState(null, '', url);
    pageStore.setState({ page });
  },
  /** After Back or Forward: the page the URL names now. */
  syncWithUrl: () => pageStore.setState({ page: pageFromUrl(window.location.search) }),
};
