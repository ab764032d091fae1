import type { Coupling, LinkKind } from '@kopplingskartan/schema/interchange';

import { count, linkLabel, makeFinding } from './findings.ts';
import type { Finding } from './findings.ts';
import { couplingOfStrength, kindOfIndex, SIDE_RANK, sourceIdOf, targetIdOf } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';

export interface LevelSkip {
  linkId: string;
  sourceId: string;
  targetId: string;
  /** The upper and the lower chain level the link joins. */
  upperLevelKey: string;
  lowerLevelKey: string;
  /** The chain levels in between, top to bottom. */
  skippedLevelKeys: string[];
  coupling: Coupling;
  kind: LinkKind;
}

export interface LevelSkippingResult {
  skips: LevelSkip[];
  findings: Finding[];
}

/**
 * Level skipping (DOMAIN.md analysis 5: "the superintendent going straight to teachers past
 * managers and principals"; neutral, sometimes deliberate).
 *
 * Every link, of any coupling and kind, whose two ends are on chain levels at least two ranks
 * apart in the declared chain (so at least one level lies between them). Links touching a side
 * level are never skips. One finding per pair of levels, listing its links. O(n + m).
 */
export function levelSkipping(index: GraphIndex): LevelSkippingResult {
  const { graph } = index;
  const skips: LevelSkip[] = [];
  const byPair = new Map<string, LevelSkip[]>();
  const linkOfSkip = new Map<LevelSkip, number>();
  for (let e = 0; e < index.m; e++) {
    const s = index.linkSource[e]!;
    const t = index.linkTarget[e]!;
    const rs = index.rankOf[s]!;
    const rt = index.rankOf[t]!;
    if (rs === SIDE_RANK || rt === SIDE_RANK || Math.abs(rs - rt) < 2) continue;
    const [upper, lower] = rs < rt ? [rs, rt] : [rt, rs];
    const key = (rank: number): string => graph.levels[index.chainLevelIndices[rank]!]!.key;
    const skippedLevelKeys: string[] = [];
    for (let r = upper + 1; r < lower; r++) skippedLevelKeys.push(key(r));
    const skip: LevelSkip = {
      linkId: index.linkId(e),
      sourceId: sourceIdOf(index, e),
      targetId: targetIdOf(index, e),
      upperLevelKey: key(upper),
      lowerLevelKey: key(lower),
      skippedLevelKeys,
      coupling: couplingOfStrength(index.linkStrength[e]!),
      kind: kindOfIndex(index.linkKind[e]!),
    };
    skips.push(skip);
    linkOfSkip.set(skip, e);
    const pair = `${skip.upperLevelKey}-${skip.lowerLevelKey}`;
    const list = byPair.get(pair);
    if (list) list.push(skip);
    else byPair.set(pair, [skip]);
  }
  const nameOf = (key: string): string => graph.levels.find((level) => level.key === key)?.name ?? key;
  const findings = [...byPair].map(([pair, list]) => {
    const first = list[0]!;
    const skipped = first.skippedLevelKeys.map(nameOf);
    const single = list.length === 1;
    const label = single ? linkLabel(index, linkOfSkip.get(first)!) : null;
    const ends = label ? `${label.ends}${label.kind ? ` (${label.kind.sv})` : ''}` : '';
    const endsEn = label ? `${label.ends}${label.kind ? ` (${label.kind.en})` : ''}` : '';
    return makeFinding({
      analysis: 'levelSkipping',
      kind: 'LEVEL_SKIP',
      subject: pair,
      actorIds: [...new Set(list.flatMap((skip) => [skip.sourceId, skip.targetId]))],
      linkIds: list.map((skip) => skip.linkId),
      levelKeys: [first.upperLevelKey, ...first.skippedLevelKeys, first.lowerLevelKey],
      explanation: {
        sv: `${single ? `Länken ${ends}` : count(list.length, 'länk', 'länkar')} går direkt mellan ${nameOf(first.upperLevelKey)} och ${nameOf(first.lowerLevelKey)}, förbi ${skipped.join(' och ')}.`,
        en: `${single ? `The link ${endsEn}` : count(list.length, 'link', 'links')} ${single ? 'goes' : 'go'} directly between ${nameOf(first.upperLevelKey)} and ${nameOf(first.lowerLevelKey)}, past ${skipped.join(' and ')}.`,
      },
    });
  });
  return { skips, findings };
}
