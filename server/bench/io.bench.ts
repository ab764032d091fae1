/**
 * `tsx server/bench/io.bench.ts`: import and export of a 20,000-actor / 100,000-link organisation
 * through each file format, on the embedded store (SQLite in a temporary folder). Prints time and
 * peak resident memory per step. Targets: under 20 s each and under 1 GiB.
 *
 * `IO_BENCH_FORMATS=xlsx,graphml` runs only those formats (any of xlsx, zip, graphml, json);
 * `IO_BENCH_PARTS=1` first times readDocument and the store's read and replace on their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';

import type { InterchangeDocument, LinkData } from '@kopplingskartan/schema/interchange';
import { COUPLINGS, LINK_KINDS } from '@kopplingskartan/schema/interchange';

import { contentsToDocument, readDocument } from '../src/domain/document.ts';
import { DEFAULT_LEVELS } from '../src/domain/records.ts';
import { csvZip } from '../src/io/csv/csv-export.ts';
import { documentSheets } from '../src/io/document-sheets.ts';
import { graphmlChunks } from '../src/io/graphml/graphml-export.ts';
import { type ImportFormat, planFromStream, readAll } from '../src/io/import-source.ts';
import { writeXlsx } from '../src/io/xlsx/xlsx-export.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { makeRandom } from './synthetic-chain.ts';

const ACTORS = 20_000;
const LINKS = 100_000;

function bigDocument(): InterchangeDocument {
  const random = makeRandom(11);
  const levels = ['politics', 'administration', 'principal', 'teacher'];
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: `a${i}`,
    name: `Aktör ${i}`,
    personName: null,
    levelKey: i < 20 ? levels[i % 2]! : i < 1000 ? 'principal' : 'teacher',
    role: null,
    unitId: null,
    tags: i % 10 === 0 ? ['nätverk'] : [],
    notes: null,
  }));
  const seen = new Set<string>();
  const links: LinkData[] = [];
  while (links.length < LINKS) {
    const source = Math.floor(random() * ACTORS);
    const target = Math.floor(random() * ACTORS);
    const kind = LINK_KINDS[Math.floor(random() * LINK_KINDS.length)]!;
    const key = `${source}|${target}|${kind}`;
    if (source === target || seen.has(key)) continue;
    seen.add(key);
    links.push({
      id: `l${links.length}`,
      sourceId: `a${source}`,
      targetId: `a${target}`,
      kind,
      coupling: COUPLINGS[Math.floor(random() * 3)]!,
      targetResponds: null,
      sourceResponds: null,
      distinctive: null,
      arenaId: null,
      cadence: null,
      evidence: [],
      notes: links.length % 50 === 0 ? '=anteckning, med "citat"' : null,
      confidential: false,
      partnershipStage: null,
    });
  }
  return readDocument({
    format: 'kopplingskartan',
    version: 1,
    organisation: { id: 'bench', name: 'Benchkommun', kind: 'MUNICIPAL', levels: DEFAULT_LEVELS },
    actors,
    scenarios: [{ id: 'current', name: 'Nuläge', kind: 'CURRENT', links }],
  }).document;
}

/**
 * Runs a step while sampling RSS every 20 ms; prints seconds, peak RSS, and the CPU seconds the
 * process used (all its threads, the garbage collector's included), which a busy machine
 * disturbs less than the wall clock.
 */
async function measure<T>(label: string, step: () => Promise<T>): Promise<T> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await step();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `${label.padEnd(40)} ${seconds.toFixed(2).padStart(6)} s   peak RSS ${(peak / 2 ** 20).toFixed(0).padStart(5)} MiB   ` +
      `cpu ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s`,
  );
  return result;
}

async function exportBytes(document: InterchangeDocument, format: ImportFormat): Promise<Buffer> {
  switch (format) {
    case 'xlsx': {
      const out = new PassThrough();
      const bytes = readAll(out, 2 ** 31);
      await writeXlsx(documentSheets(document), out, { lang: 'sv' });
      return bytes;
    }
    case 'zip':
      return readAll(Readable.from(csvZip(documentSheets(document), 'en')), 2 ** 31);
    case 'graphml':
      return Buffer.from([...graphmlChunks(document)].join(''));
    default:
      return Buffer.from(JSON.stringify(document));
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kk-io-bench-'));
try {
  const store = new SqliteStore({ file: join(dir, 'bench.db') });
  await store.migrate();
  await store.createOrganisation(readDocument(bigDocument()).contents);
  console.log(`io benchmark: ${ACTORS} actors, ${LINKS} links, SQLite in ${dir}`);
  if (process.env.IO_BENCH_PARTS) {
    const big = bigDocument();
    await measure('readDocument', async () => readDocument(big));
    const { interchangeDocumentSchema } = await import('@kopplingskartan/schema/interchange');
    const { checkDocument } = await import('../src/domain/document.ts');
    const parsed = await measure('zod parse', async () => interchangeDocumentSchema.parse(big));
    await measure('checkDocument', async () => checkDocument(parsed));
    const contents = await measure('store.readOrganisation', async () => (await store.readOrganisation('bench'))!);
    await measure('contentsToDocument', async () => contentsToDocument(contents));
    await measure('store.replaceOrganisation', async () => store.replaceOrganisation(contents));
  }
  const formats = (['xlsx', 'zip', 'graphml', 'json'] as const).filter(
    (format) => !process.env.IO_BENCH_FORMATS || process.env.IO_BENCH_FORMATS.split(',').includes(format),
  );
  for (const format of formats) {
    const bytes = await measure(`export ${format} (store → file)`, async () => {
      const contents = await store.readOrganisation('bench');
      return exportBytes(contentsToDocument(contents!), format);
    });
    console.log(`${''.padEnd(40)} ${(bytes.length / 2 ** 20).toFixed(1)} MiB file`);
    await measure(`import ${format} (file → store, REPLACE)`, async () => {
      const existing = contentsToDocument((await store.readOrganisation('bench'))!);
      const plan = await planFromStream(Readable.from([bytes]), { format, mode: 'REPLACE', existing });
      if (!plan.ok || !plan.contents) throw new Error(`import refused: ${JSON.stringify(plan.issues.slice(0, 3))}`);
      await store.replaceOrganisation(plan.contents);
    });
  }
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
