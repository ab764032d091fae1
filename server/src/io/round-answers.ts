/**
 * A perception round's answers as one anonymous table for researchers: a participant is a
 * number and a respondent (level and role under the smallest-group rule, as the observation
 * scenario names them), never a name or a token; a comment only once the facilitator released
 * it. Every cell is protected against formulas (`protectCell`), for CSV and XLSX alike.
 */
import type { Level, LinkKind } from '@kopplingskartan/schema/interchange';

import { respondentLabels } from '../domain/round-perceptions.ts';
import { answerCoupling } from '../domain/round-results.ts';
import type { RoundAnswerValues } from '../domain/round-rules.ts';
import { protectCell } from './cell-values.ts';
import type { Lang } from './spreadsheet-layout.ts';

export interface AnswerTable {
  title: string;
  header: string[];
  rows: string[][];
}

interface TableAnswer extends RoundAnswerValues {
  participantId: string;
  linkId: string;
  levelKey: string;
  role: string | null;
  isCommentReleased: boolean;
}

const HEADERS: Record<Lang, string[]> = {
  en: [
    'participant',
    'respondent',
    'link',
    'source',
    'target',
    'kind',
    'target responds',
    'source responds',
    'distinctive',
    'coupling',
    'comment',
  ],
  sv: [
    'deltagare',
    'svarande',
    'länk',
    'från',
    'till',
    'slag',
    'mottagaren svarar',
    'avsändaren svarar',
    'egen bedömning',
    'koppling',
    'kommentar',
  ],
};
const WORDS: Record<Lang, { yes: string; no: string; unknown: string; title: string }> = {
  en: { yes: 'yes', no: 'no', unknown: "don't know", title: 'answers' },
  sv: { yes: 'ja', no: 'nej', unknown: 'vet inte', title: 'svar' },
};

export function roundAnswerTable(
  answers: readonly TableAnswer[],
  context: {
    levels: readonly Level[];
    threshold: number;
    links: ReadonlyArray<{ id: string; sourceName: string; targetName: string; kind: LinkKind }>;
    lang: Lang;
  },
): AnswerTable {
  const { lang } = context;
  const words = WORDS[lang];
  const labels = respondentLabels(answers, context.levels, context.threshold, lang);
  const numbers = new Map<string, number>();
  const linkOf = new Map(context.links.map((link) => [link.id, link]));
  const yesNo = (value: boolean | null) => (value === null ? words.unknown : value ? words.yes : words.no);
  const rows = answers.map((answer) => {
    if (!numbers.has(answer.participantId)) numbers.set(answer.participantId, numbers.size + 1);
    const link = linkOf.get(answer.linkId);
    return [
      String(numbers.get(answer.participantId)),
      labels.get(answer.participantId) ?? '',
      answer.linkId,
      link?.sourceName ?? '',
      link?.targetName ?? '',
      link?.kind ?? '',
      yesNo(answer.targetResponds),
      yesNo(answer.sourceResponds),
      yesNo(answer.distinctive),
      answerCoupling(answer) ?? '',
      answer.isCommentReleased ? (answer.comment ?? '') : '',
    ].map(protectCell);
  });
  return { title: words.title, header: HEADERS[lang], rows };
}
