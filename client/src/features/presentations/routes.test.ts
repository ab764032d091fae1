import { describe, expect, it } from 'vitest';

import { editorPath, parseRoute, presentPath } from './routes.ts';

describe('routes', () => {
  it('reads the presenter view and share link addresses', () => {
    expect(parseRoute('/present/kommunby/p-1')).toEqual({
      type: 'present',
      organisationId: 'kommunby',
      presentationId: 'p-1',
    });
    expect(parseRoute('/share/tok_EN-1/')).toEqual({ type: 'share', token: 'tok_EN-1' });
  });
  it('treats anything else as the app', () => {
    for (const path of ['/', '/present/kommunby', '/share/', '/share/a/b', '/present/%E0%A4%A/x'])
      expect(parseRoute(path)).toEqual({ type: 'app' });
  });
  it('builds the addresses back', () => {
    expect(presentPath('kommunby', 'p 1')).toBe('/present/kommunby/p%201');
    expect(presentPath('kommunby', 'p1', 2)).toBe('/present/kommunby/p1?step=3');
    expect(editorPath('kommunby', 'p1')).toBe('/?org=kommunby&presentation=p1');
  });
});
