import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { type Caller, startTestApp, type TestApp } from './helpers.ts';
import { pdfPages } from './pdf-pages.ts';

const kommunby: unknown = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../seeds/organisations/kommunby.json'), 'utf8'),
);

describe('GET /api/report/:organisationId.pdf: the meeting report from the app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ isShared: true });
    await importOrganisation(t.app.store, kommunby);
  });
  afterAll(() => t.close());

  const get = async (url: string, caller: Caller = 'admin') => {
    const client = (await t.as(caller, 'kommunby')) as { cookie?: string };
    return t.app.inject({ method: 'GET', url, headers: client.cookie ? { cookie: client.cookie } : {} });
  };

  it('answers a PDF with its pages, anonymised by default, in the language asked for', async () => {
    const response = await get('/api/report/kommunby.pdf?lang=en');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="kommunby-kommun-report.pdf"');
    const { count, pages } = await pdfPages(response.rawPayload);
    // Title and map, findings, trends, reach and disagreements: at least four pages, each numbered.
    expect(count).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} / ${count}`));
    const text = pages.join('\n');
    expect(text).toContain('Kommunby kommun: Nuläge VT 2025');
    expect(text).toContain('Anonymised: actors are shown by role and level.');
    expect(text).toContain('Links marked confidential are left out of the figures below');
    // The island's principal is named by its school, which points at one person (seeds/README.md).
    expect(text).not.toContain('Mossängsskolan');
  });

  it('names actors when asked to by someone who may see the map, and shows another scenario on request', async () => {
    const response = await get('/api/report/kommunby.pdf?names=true&scenario=scn-kommunby-uppfoljning-ht26', 'VIEWER');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="kommunby-kommun-report-names.pdf"');
    const text = (await pdfPages(response.rawPayload)).pages.join('\n');
    expect(text).toContain('Kommunby kommun: Uppföljning HT 2026');
    expect(text).toContain('Med namn');
    expect(text).toContain('Rektor Mossängsskolan');
  });

  it('says what is wrong with a request it refuses', async () => {
    expect((await get('/api/report/kommunby.docx')).statusCode).toBe(404);
    const missing = await get('/api/report/kommunby.pdf?scenario=nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('REPORT_MAX_ACTORS', () => {
  it('refuses a map with more actors than the limit, naming the setting', async () => {
    // kommunby's current scenario has 83 actors (seeds/README.md): one over the limit of 82.
    const t = await startTestApp({ app: { reportMaxActors: 82 } });
    try {
      await importOrganisation(t.app.store, kommunby);
      const refused = await t.app.inject({
        method: 'GET',
        url: '/api/report/kommunby.pdf',
        headers: { cookie: (t.gql as unknown as { cookie: string }).cookie },
      });
      expect(refused.statusCode).toBe(413);
      expect(refused.json()).toMatchObject({
        code: 'REPORT_TOO_LARGE',
        actors: 83,
        limit: 82,
        setting: 'REPORT_MAX_ACTORS',
      });
    } finally {
      await t.close();
    }
  });
});
