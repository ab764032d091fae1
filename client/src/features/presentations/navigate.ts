/** Keeps the flags a page was opened with (`?e2e`, `?lang=`) on the next page. */
export function withPageFlags(path: string): string {
  const current = new URLSearchParams(window.location.search);
  const url = new URL(path, window.location.origin);
  for (const flag of ['e2e', 'lang']) {
    const value = current.get(flag);
    if (value !== null && !url.searchParams.has(flag)) url.searchParams.set(flag, value);
  }
  return `${url.pathname}${url.search}`.replace(/([?&]e2e)=(?=&|$)/, '$1');
}

export function goTo(path: string): void {
  window.location.assign(withPageFlags(path));
}
