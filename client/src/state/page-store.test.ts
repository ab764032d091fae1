import { describe, expect, it } from 'vitest';

import { pageFromUrl } from './page-store.ts';

describe('pageFromUrl', () => {
  it('reads the page from the query and falls back to the map', () => {
    expect(pageFromUrl('?org=kommunby&page=organisation')).toBe('organisation');
    expect(pageFromUrl('?org=kommunby')).toBe('map');
    expect(pageFromUrl('?page=../../etc')).toBe('map');
  });
});
