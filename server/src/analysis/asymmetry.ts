import type { Coupling } from '@kopplingskartan/schema/interchange';

import { deriveCoupling } from '../domain/coupling.ts';
import { differingAspects, type PerceptionAspect } from '../domain/perception-agreement.ts';
import { actorName, distinguishingKind, flat, linkLabel, makeFinding } from './findings.ts';
import type { Finding } from './findings.ts';
import { couplingOfStrength, sourceIdOf, targetIdOf } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';

export interface OneWayLink {
  linkId: string;
  sourceId: string;
  targetId: string;
  coupling: Coupling;
  targetResponds: boolean;
  sourceResponds: boolean;
}

export type { PerceptionAspect } from '../domain/perception-agreement.ts';

export interface PerceptionAnswer {
  perceptionId: string;
  respondent: string;
  respondentActorId: string | null;
  /** The coupling the respondent gave, or derived from their ratings when they gave none. */
  coupling: Coupling | null;
  targetResponds: boolean | null;
  sourceResponds: boolean | null;
}

export interface PerceptionDisagreement {
  linkId: string;
  /** What the answers differ on. */
  aspects: PerceptionAspect[];
  answers: PerceptionAnswer[];
}

export interface AsymmetryResult {
  oneWayLinks: OneWayLink[];
  disagreements: PerceptionDisagreement[];
  findings: Finding[];
}

/**
 * Asymmetry (DOMAIN.md analysis 6: "one-way responsiveness, and perceptions that disagree").
 *
 * **One-way link**: both directions are assessed and differ (`targetResponds` ≠
 * `sourceResponds`); unassessed directions are never guessed. **Disagreeing perceptions**: a link
 * with two or more perceptions that differ on at least one aspect both answered: the coupling
 * (as given, or derived from the respondent's own ratings by `deriveCoupling` when not given),
 * whether the target responds, whether the source responds. O(m + p) for p perceptions. With
 * `findingsOnly` the one-way links are not listed (`oneWayLinks` is empty; each has its finding).
 */
export function asymmetry(index: GraphIndex, findingsOnly = false): AsymmetryResult {
  const { graph } = index;
  const findings: Finding[] = [];
  const oneWayLinks: OneWayLink[] = [];
  for (let e = 0; e < index.m; e++) {
    const tr = index.linkTargetResponds[e];
    const sr = index.linkSourceResponds[e];
    if (tr === 2 || sr === 2 || tr === sr) continue;
    const linkId = index.linkId(e);
    const sourceId = sourceIdOf(index, e);
    const targetId = targetIdOf(index, e);
    if (!findingsOnly) {
      oneWayLinks.push({
        linkId,
        sourceId,
        targetId,
        coupling: couplingOfStrength(index.linkStrength[e]!),
        targetResponds: tr === 1,
        sourceResponds: sr === 1,
      });
    }
    const s = actorName(index, index.linkSource[e]!);
    const t = actorName(index, index.linkTarget[e]!);
    const responder = tr === 1 ? t : s;
    const other = tr === 1 ? s : t;
    const kind = distinguishingKind(index, e);
    findings.push(
      makeFinding({
        analysis: 'asymmetry',
        kind: 'ONE_WAY',
        subject: linkId,
        actorIds: [sourceId, targetId],
        linkIds: [linkId],
        explanation: {
          sv: flat`${responder} är lyhörd för ${other}, men ${other} är inte lyhörd för ${responder}${kind ? ` (länken för ${kind.sv})` : ''}.`,
          en: flat`${responder} responds to ${other}, but ${other} does not respond to ${responder}${kind ? ` (the ${kind.en} link)` : ''}.`,
        },
      }),
    );
  }

  const byLink = new Map<string, PerceptionAnswer[]>();
  for (const p of graph.perceptions) {
    const answer: PerceptionAnswer = {
      perceptionId: p.id,
      respondent: p.respondent,
      respondentActorId: p.respondentActorId,
      coupling: p.coupling ?? deriveCoupling(p),
      targetResponds: p.targetResponds,
      sourceResponds: p.sourceResponds,
    };
    const list = byLink.get(p.linkId);
    if (list) list.push(answer);
    else byLink.set(p.linkId, [answer]);
  }
  const disagreements: PerceptionDisagreement[] = [];
  for (const [linkId, answers] of byLink) {
    if (answers.length < 2) continue;
    const aspects = differingAspects(answers);
    if (aspects.length === 0) continue;
    disagreements.push({ linkId, aspects, answers });
    const e = index.perceivedLinkIndex.get(linkId)!;
    const label = linkLabel(index, e);
    const ends = label.ends;
    const kindSv = label.kind ? ` (${label.kind.sv})` : '';
    const kindEn = label.kind ? ` (${label.kind.en})` : '';
    findings.push(
      makeFinding({
        analysis: 'asymmetry',
        kind: 'PERCEPTIONS_DISAGREE',
        subject: linkId,
        actorIds: [
          ...new Set([
            sourceIdOf(index, e),
            targetIdOf(index, e),
            ...answers.flatMap((a) => (a.respondentActorId ? [a.respondentActorId] : [])),
          ]),
        ],
        linkIds: [linkId],
        explanation: {
          sv: flat`Svaren om länken ${ends}${kindSv} skiljer sig åt (${answers.map((a) => said(a, 'sv')).join('; ')}).`,
          en: flat`The answers about the link ${ends}${kindEn} differ (${answers.map((a) => said(a, 'en')).join('; ')}).`,
        },
      }),
    );
  }
  return { oneWayLinks, disagreements, findings };
}

type Language = 'sv' | 'en';

/**
 * The words of an answer in each language, written once: a national map states some 20,000
 * answers in two languages, and building each part anew allocated a tenth of the analysis's memory.
 */
const ANSWER_WORDS: Record<
  Language,
  { coupling: Record<Coupling, string>; targetResponds: [no: string, yes: string]; sourceResponds: [string, string] }
> = {
  sv: {
    coupling: { TIGHT: 'tät', LOOSE: 'lös', DECOUPLED: 'frikopplad' },
    targetResponds: ['mottagaren svarar: nej', 'mottagaren svarar: ja'],
    sourceResponds: ['avsändaren svarar: nej', 'avsändaren svarar: ja'],
  },
  en: {
    coupling: { TIGHT: 'tight', LOOSE: 'loose', DECOUPLED: 'decoupled' },
    targetResponds: ['target responds: no', 'target responds: yes'],
    sourceResponds: ['source responds: no', 'source responds: yes'],
  },
};

/** "Rektor: lös, mottagaren svarar: ja": the respondent and what they answered ("–" for nothing). */
function said(answer: PerceptionAnswer, language: Language): string {
  const words = ANSWER_WORDS[language];
  let text = answer.coupling ? words.coupling[answer.coupling] : '';
  if (answer.targetResponds !== null) text = joined(text, words.targetResponds[answer.targetResponds ? 1 : 0]);
  if (answer.sourceResponds !== null) text = joined(text, words.sourceResponds[answer.sourceResponds ? 1 : 0]);
  return `${answer.respondent}: ${text || '–'}`;
}

function joined(text: string, part: string): string {
  return text ? `${text}, ${part}` : part;
}
