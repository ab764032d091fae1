/**
 * `npm run report -- <organisation> [--scenario id] [--lang sv|en] [--names] [--out file.pdf]`:
 * writes the meeting report as a PDF (anonymised unless --names; to report-<organisation>.pdf by default).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { meetingReport } from '../reporting/meeting-report.ts';
import { reportPdf } from '../reporting/report-pdf.ts';
import { runWithStore } from './with-store.ts';

await runWithStore(async (store, args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scenario: { type: 'string' },
      lang: { type: 'string', default: 'sv' },
      names: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const [organisationId] = positionals;
  if (!organisationId || (values.lang !== 'sv' && values.lang !== 'en')) {
    throw new Error(
      'Usage: npm run report -- <organisation id> [--scenario id] [--lang sv|en] [--names] [--out file.pdf]',
    );
  }
  const report = await meetingReport(store, organisationId, {
    scenarioId: values.scenario ?? null,
    language: values.lang,
    anonymised: !values.names,
  });
  const out = values.out ?? `report-${organisationId}.pdf`;
  writeFileSync(out, await reportPdf(report));
  console.log(`${out}: ${report.organisationName}, ${report.scenarioName}${report.anonymised ? ' (anonymised)' : ''}`);
});
