import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { meetingReport } from '../src/reporting/meeting-report.ts';
import type { MeetingReportOptions } from '../src/reporting/meeting-report.ts';
import { reportPdf } from '../src/reporting/report-pdf.ts';
import { startTestApp, type TestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';
import { pdfPages } from './pdf-pages.ts';

const stores = await storeTargets();

const seed = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../seeds/organisations/${name}.json`), 'utf8'));

async function reportPages(
  t: TestApp,
  organisationId: string,
  options: MeetingReportOptions,
): Promise<{ count: number; pages: string[] }> {
  return pdfPages(await reportPdf(await meetingReport(t.app.store, organisationId, options)));
}

const PERSON_NAMES = ['Alva Påhittad', 'Sam Exempelsson', 'Robin Fiktiv', 'Kim Forskarsson', 'Lo Påhittadsdotter'];

describeEachStore(stores, 'the meeting report (npm run report) for both sample organisations', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ store, isShared: true });
    await importOrganisation(t.app.store, seed('kommunby'));
    await importOrganisation(t.app.store, seed('skolgruppen'));
  });
  afterAll(() => t.close());

  it('kommunby in Swedish: the map with its legend, then findings, trends over the four dated scenarios, reach and disagreements, as text', async () => {
    const { count, pages } = await reportPages(t, 'kommunby', { scenarioId: null, language: 'sv', anonymised: true });
    expect(pages[0]).toContain('Kommunby kommun: Nuläge VT 2025');
    expect(pages[0]).toContain('Kartan');
    expect(pages[0]).toContain('Teckenförklaring: tät = heldragen tjock linje');
    expect(pages[1]!.startsWith('Iakttagelser per analys')).toBe(true);
    const where = (text: string): number => pages.findIndex((page) => page.includes(text));
    // Each section starts on a page of its own, in this order.
    expect(where('Över tid')).toBeGreaterThan(1);
    expect(where('Insatser och vilka de når')).toBeGreaterThan(where('Över tid'));
    expect(where('Uppfattningar som skiljer sig åt')).toBeGreaterThanOrEqual(where('Insatser och vilka de når'));
    // The trend charts name the timeline's dates: the current state and the three observations.
    for (const date of ['2025-03-04', '2025-11-12', '2026-03-18', '2026-11-10'])
      expect(pages[where('Över tid')]).toContain(date);
    // The committee–superintendent steering is perceived differently by the chair and the superintendent (seeds/README.md).
    expect(pages.join('\n')).toContain('Svaren om länken');
    pages.forEach((page, i) => expect(page).toContain(`Sida ${i + 1} / ${count}`));
  });

  it('draws all the map’s links in one graphics state (one per line made a large map take minutes)', async () => {
    const report = await meetingReport(t.app.store, 'kommunby', { scenarioId: null, language: 'sv', anonymised: true });
    expect(report.map.links.length).toBeGreaterThan(50);
    const [mapPage] = (await PDFDocument.load(await reportPdf(report))).getPages();
    const states = mapPage!.node.Resources()?.lookup(PDFName.of('ExtGState'), PDFDict);
    expect(states?.keys()).toHaveLength(1);
  });

  it('is anonymised by default with the presentations’ rules: no person names, no unit that points at one person', async () => {
    const anonymised = (
      await reportPages(t, 'kommunby', { scenarioId: null, language: 'sv', anonymised: true })
    ).pages.join('\n');
    for (const name of PERSON_NAMES) expect(anonymised).not.toContain(name);
    expect(anonymised).not.toContain('Mossängsskolan');
    expect(anonymised).toContain('Avidentifierad');
    // With names, the island's principal is named by the map.
    const named = (
      await reportPages(t, 'kommunby', { scenarioId: null, language: 'sv', anonymised: false })
    ).pages.join('\n');
    expect(named).toContain('Rektor Mossängsskolan');
    for (const name of PERSON_NAMES) expect(named).not.toContain(name);
  });

  it('says where its trends leave confidential links out (anonymised, sv and en), and names the analyses as the app does', async () => {
    const onTrendsPage = async (options: MeetingReportOptions, heading: string): Promise<string> => {
      const { pages } = await reportPages(t, 'kommunby', options);
      return pages.find((page) => page.includes(heading)) ?? '';
    };
    const sv = await onTrendsPage({ scenarioId: null, language: 'sv', anonymised: true }, 'Över tid');
    expect(sv).toContain('Länkar märkta som konfidentiella är inte med i siffrorna nedan');
    const en = await onTrendsPage({ scenarioId: null, language: 'en', anonymised: true }, 'Over time');
    expect(en).toContain('Links marked confidential are left out of the figures below');
    // With names nothing is redacted, so the figures are the app's and there is nothing to say.
    const named = await onTrendsPage({ scenarioId: null, language: 'sv', anonymised: false }, 'Över tid');
    expect(named).not.toContain('konfidentiella');
    const { pages } = await reportPages(t, 'kommunby', { scenarioId: null, language: 'en', anonymised: true });
    expect(pages.join('\n')).toContain('Paths up the chain');
  });

  it('skolgruppen in English, for one scenario: headings in English, one point in time, the desired state shown', async () => {
    const { count, pages } = await reportPages(t, 'skolgruppen', {
      scenarioId: 'scn-skolgruppen-onskat',
      language: 'en',
      anonymised: true,
    });
    expect(pages[0]).toContain('Skolgruppen Exempla AB: ');
    expect(pages[0]).toContain('Material for a dialogue meeting. Anonymised');
    const text = pages.join('\n');
    for (const heading of [
      'Findings by analysis',
      'Over time',
      'Initiatives and whom they reach',
      'Perceptions that disagree',
    ]) {
      expect(text).toContain(heading);
    }
    // The desired scenario has no perceptions (seeds/README.md).
    expect(text).toMatch(/Perceptions that disagree\nNone\./);
    for (const name of PERSON_NAMES) expect(text).not.toContain(name);
    expect(count).toBe(pages.length);
  });
});
