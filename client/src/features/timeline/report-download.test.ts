import { describe, expect, it } from 'vitest';

import { reportUrl } from './report-download.ts';

describe('reportUrl', () => {
  it('asks for the shown scenario in the language, anonymised unless names are asked for', () => {
    const request = { organisationId: 'kommun by', scenarioId: 's/1', language: 'en' as const, hasNames: false };
    expect(reportUrl(request)).toBe('/api/report/kommun%20by.pdf?scenario=s%2F1&lang=en');
    expect(reportUrl({ ...request, hasNames: true })).toBe(
      '/api/report/kommun%20by.pdf?scenario=s%2F1&lang=en&names=true',
    );
  });
});
