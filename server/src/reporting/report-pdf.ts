import { ANALYSIS_TITLES, sanitiseForFont, wrapText } from '@kopplingskartan/schema/text';
import { PDFDocument, popGraphicsState, pushGraphicsState, rgb, setGraphicsState, StandardFonts } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';

import type { Language } from '../presenting/unit-stand-ins.ts';
import type { MeetingReport } from './meeting-report.ts';

/** A4 landscape in PDF points. */
const PAGE = { width: 842, height: 595, margin: 40 };
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.45, 0.45, 0.5);

const WORDS = {
  sv: {
    report: 'Underlag för dialogmöte',
    anonymised: 'Avidentifierad: aktörer visas med roll och nivå.',
    named: 'Med namn: endast för dem som får se kartan.',
    map: 'Kartan',
    legend:
      'Teckenförklaring: tät = heldragen tjock linje, lös = streckad, frikopplad = prickad. Ingen koppling är bättre än en annan.',
    findings: 'Iakttagelser per analys',
    trends: 'Över tid',
    trendsRedacted:
      'Länkar märkta som konfidentiella är inte med i siffrorna nedan, så de kan skilja sig från appens (till exempel avståndet till önskat läge).',
    share: 'Andel lyhörda länkar mellan nivåerna',
    cutOff: 'Aktörer utan lyhörd väg upp till toppnivån',
    distance: 'Avstånd till önskat läge (länkar som skiljer sig)',
    noDesired: 'Inget önskat läge finns.',
    reach: 'Insatser och vilka de når',
    owner: 'ägare',
    noOwner: 'ingen ägare på kartan',
    reaches: 'når',
    notReached: 'nås inte',
    evidence: 'evidensanteckningar',
    disagreements: 'Uppfattningar som skiljer sig åt',
    none: 'Inga.',
    page: 'Sida',
  },
  en: {
    report: 'Material for a dialogue meeting',
    anonymised: 'Anonymised: actors are shown by role and level.',
    named: 'With names: only for those who may see the map.',
    map: 'The map',
    legend: 'Legend: tight = solid thick line, loose = dashed, decoupled = dotted. No coupling is better than another.',
    findings: 'Findings by analysis',
    trends: 'Over time',
    trendsRedacted:
      'Links marked confidential are left out of the figures below, so they may differ from the app’s (the distance to the desired state, for one).',
    share: 'Share of responsive links between the levels',
    cutOff: 'Actors without a responsive path up to the top level',
    distance: 'Distance to the desired state (links that differ)',
    noDesired: 'There is no desired state.',
    reach: 'Initiatives and whom they reach',
    owner: 'owner',
    noOwner: 'no owner on the map',
    reaches: 'reaches',
    notReached: 'not reached',
    evidence: 'evidence notes',
    disagreements: 'Perceptions that disagree',
    none: 'None.',
    page: 'Page',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Writes pages top to bottom, starting a new page when one is full; text stays text. */
class Writer {
  page!: PDFPage;
  y = 0;
  pages = 0;

  constructor(
    private readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.pages++;
    this.y = PAGE.height - PAGE.margin;
  }

  private readonly charsets = new Map<PDFFont, ReadonlySet<number>>();

  /** Text Helvetica (WinAnsi) can encode (shared with the client's PDF export), so pdf-lib never throws. */
  encodable(text: string, font: PDFFont): string {
    let charset = this.charsets.get(font);
    if (!charset) this.charsets.set(font, (charset = new Set(font.getCharacterSet())));
    return sanitiseForFont(text, charset);
  }

  /** Word-wrapped to the page width, then lines written down the page. */
  text(text: string, { size = 10, font = this.regular, indent = 0, colour = INK } = {}): void {
    const width = PAGE.width - 2 * PAGE.margin - indent;
    const clean = this.encodable(text, font);
    if (!clean.trim()) return;
    for (const row of wrapText(clean, width, (s) => font.widthOfTextAtSize(s, size))) {
      if (this.y - size < PAGE.margin) this.newPage();
      this.y -= size * 1.3;
      this.page.drawText(row, { x: PAGE.margin + indent, y: this.y, size, font, color: colour });
    }
  }

  heading(text: string, size = 16): void {
    if (this.y - size * 3 < PAGE.margin) this.newPage();
    this.y -= size * 0.6;
    this.text(text, { size, font: this.bold });
    this.y -= 4;
  }

  /** Room for a drawing of `height` points below the cursor, on a new page when needed; returns its bottom. */
  reserve(height: number): number {
    if (this.y - height < PAGE.margin) this.newPage();
    this.y -= height;
    return this.y;
  }
}

const DASH: Record<string, { thickness: number; dashArray?: number[] }> = {
  TIGHT: { thickness: 1.6 },
  LOOSE: { thickness: 0.8, dashArray: [4, 3] },
  DECOUPLED: { thickness: 0.6, dashArray: [1, 2.5] },
};

/** The map drawn from the levels: one row per level, actors spread along it in order, links as lines. */
function drawMap(w: Writer, map: MeetingReport['map']): void {
  const height = 330;
  const bottom = w.reserve(height);
  const rows = map.levels.filter((level) => map.actors.some((actor) => actor.levelKey === level.key));
  const position = new Map<string, { x: number; y: number }>();
  const rowHeight = height / Math.max(rows.length, 1);
  rows.forEach((level, r) => {
    const y = bottom + height - rowHeight * (r + 0.5);
    const members = map.actors.filter((actor) => actor.levelKey === level.key);
    const left = PAGE.margin + 80;
    const span = PAGE.width - PAGE.margin - left;
    members.forEach((actor, i) => position.set(actor.id, { x: left + (span * (i + 0.5)) / members.length, y }));
    w.page.drawText(w.encodable(level.name, w.bold), { x: PAGE.margin, y: y - 3, size: 9, font: w.bold, color: INK });
  });
  // One shared graphics state gives every link its transparency: pdf-lib's `opacity` option adds a
  // state per line, found by a scan of the page's states, which made 70,000 links take minutes.
  const translucent = w.page.node.newExtGState('GS', w.page.doc.context.obj({ Type: 'ExtGState', CA: 0.8 }));
  w.page.pushOperators(pushGraphicsState(), setGraphicsState(translucent));
  for (const link of map.links) {
    const from = position.get(link.sourceId);
    const to = position.get(link.targetId);
    if (!from || !to) continue;
    w.page.drawLine({ start: from, end: to, color: GREY, ...DASH[link.coupling] });
  }
  w.page.pushOperators(popGraphicsState());
  for (const at of position.values()) w.page.drawCircle({ x: at.x, y: at.y, size: 2.5, color: INK });
}

/** A small chart: one polyline per series over the timeline's points, with values written as text. */
function drawChart(
  w: Writer,
  title: string,
  labels: readonly string[],
  series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null>; format: (v: number) => string }>,
  max: number,
): void {
  const height = 120;
  // The title stays with its chart.
  if (w.y - (height + 64) < PAGE.margin) w.newPage();
  w.text(title, { size: 11, font: w.bold });
  const bottom = w.reserve(height + 44) + 24;
  const left = PAGE.margin + 40;
  const width = PAGE.width - 2 * PAGE.margin - 220;
  const xOf = (k: number): number => left + (labels.length === 1 ? width / 2 : (width * k) / (labels.length - 1));
  const yOf = (v: number): number => bottom + (max === 0 ? 0 : (height * v) / max);
  w.page.drawLine({ start: { x: left, y: bottom }, end: { x: left + width, y: bottom }, thickness: 0.6, color: INK });
  w.page.drawLine({ start: { x: left, y: bottom }, end: { x: left, y: bottom + height }, thickness: 0.6, color: INK });
  labels.forEach((label, k) =>
    w.page.drawText(w.encodable(label, w.regular), { x: xOf(k) - 20, y: bottom - 14, size: 7, font: w.regular }),
  );
  series.forEach((line, s) => {
    const dash = [undefined, [4, 3], [1, 2.5], [6, 2, 1, 2]][s % 4];
    let previous: { x: number; y: number } | null = null;
    line.values.forEach((value, k) => {
      if (value === null) {
        previous = null;
        return;
      }
      const at = { x: xOf(k), y: yOf(value) };
      if (previous)
        w.page.drawLine({ start: previous, end: at, thickness: 1.2, color: INK, ...(dash ? { dashArray: dash } : {}) });
      w.page.drawCircle({ ...at, size: 2, color: INK });
      w.page.drawText(line.format(value), { x: at.x + 3, y: at.y + 3, size: 7, font: w.regular });
      previous = at;
    });
    const key = { x: left + width + 20, y: bottom + height - 12 * (s + 1) };
    w.page.drawLine({
      start: key,
      end: { x: key.x + 18, y: key.y },
      thickness: 1.2,
      color: INK,
      ...(dash ? { dashArray: dash } : {}),
    });
    w.page.drawText(w.encodable(line.name, w.regular), { x: key.x + 22, y: key.y - 3, size: 7, font: w.regular });
  });
}

/** The meeting report as a PDF (A4 landscape, Helvetica, every word as text). */
export async function reportPdf(report: MeetingReport): Promise<Uint8Array> {
  const words = WORDS[report.language];
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${report.organisationName}: ${report.scenarioName}`);
  pdf.setCreator('Kopplingskartan');
  pdf.setLanguage(report.language === 'sv' ? 'sv-SE' : 'en-GB');
  const w = new Writer(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );

  w.newPage();
  w.heading(`${report.organisationName}: ${report.scenarioName}`, 18);
  w.text(`${words.report}. ${report.anonymised ? words.anonymised : words.named}`, { colour: GREY });
  w.heading(words.map);
  drawMap(w, report.map);
  w.text(words.legend, { size: 8, colour: GREY });

  w.newPage();
  w.heading(words.findings);
  for (const group of report.findings) {
    w.heading(ANALYSIS_TITLES[report.language][group.analysis], 12);
    for (const statement of group.statements) w.text(`• ${statement}`, { indent: 8 });
  }

  w.newPage();
  w.heading(words.trends);
  // An anonymised report reads redacted maps, so its figures can differ from the trends query's.
  if (report.anonymised) w.text(words.trendsRedacted, { colour: GREY });
  const { trends } = report;
  const labels = trends.scenarios.map((scenario) => scenario.observedAt ?? scenario.name);
  const levelName = new Map(report.map.levels.map((level) => [level.key, level.name]));
  drawChart(
    w,
    words.share,
    labels,
    trends.levelPairs.map((pair) => ({
      name: pair.levelKeys.map((key) => levelName.get(key) ?? key).join(' – '),
      values: pair.share,
      format: (v) => `${Math.round(v * 100)} %`,
    })),
    1,
  );
  drawChart(
    w,
    words.cutOff,
    labels,
    [{ name: words.cutOff.split(' ')[0]!, values: trends.cutOff, format: String }],
    Math.max(1, ...trends.cutOff),
  );
  if (trends.desiredScenarioId) {
    const distances = trends.distance.filter((d): d is number => d !== null);
    drawChart(
      w,
      words.distance,
      labels,
      [{ name: words.distance.split(' ')[0]!, values: trends.distance, format: String }],
      Math.max(1, ...distances),
    );
  } else w.text(words.noDesired);

  w.newPage();
  w.heading(words.reach);
  for (const initiative of report.reach) {
    const total = initiative.reached.length + initiative.notReached.length;
    w.text(
      `${initiative.name} (${initiative.owner ? `${words.owner}: ${initiative.owner}` : words.noOwner}; ${initiative.evidenceCount} ${words.evidence}): ${words.reaches} ${initiative.reached.length} / ${total}`,
      { font: w.bold },
    );
    if (initiative.notReached.length > 0) {
      w.text(`${words.notReached}: ${initiative.notReached.join(', ')}`, { indent: 8, size: 9 });
    }
  }
  w.heading(words.disagreements);
  if (report.disagreements.length === 0) w.text(words.none);
  for (const statement of report.disagreements) w.text(`• ${statement}`, { indent: 8 });

  const pages = pdf.getPages();
  pages.forEach((page, i) =>
    page.drawText(`${words.page} ${i + 1} / ${pages.length}`, {
      x: PAGE.width - PAGE.margin - 50,
      y: 20,
      size: 8,
      font: w.regular,
      color: GREY,
    }),
  );
  return pdf.save();
}
