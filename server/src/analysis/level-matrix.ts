import { COUPLINGS, LINK_KINDS } from '@kopplingskartan/schema/interchange';
import type { Coupling, LinkKind } from '@kopplingskartan/schema/interchange';

import { actorIdsOnLevels, count, makeFinding } from './findings.ts';
import type { Finding } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';

/** Links between two levels (or within one), counted by coupling and by kind. */
export interface LevelPairCell {
  /** The two level keys in the organisation's level order; equal for links within a level. */
  levelKeys: [string, string];
  total: number;
  /** Tight + loose. */
  responsive: number;
  byCoupling: Record<Coupling, number>;
  byKind: Record<LinkKind, number>;
}

export interface LevelGap {
  /** Upper then lower chain level. */
  levelKeys: [string, string];
  /** Decoupled links between the two levels (there is no responsive one). */
  linkIds: string[];
  /** Levels of the pair that have no actors at all. */
  emptyLevelKeys: string[];
}

export interface LevelMatrixResult {
  /** Every unordered pair of levels (including a level with itself), in level order. */
  cells: LevelPairCell[];
  gaps: LevelGap[];
  findings: Finding[];
}

/**
 * Level matrix (DOMAIN.md analysis 1, "which adjacent levels have no responsive coupling at all").
 *
 * For every unordered pair of levels {A, B} (A = B allowed), the links with one end on A and the
 * other on B, counted by coupling and by kind. A **level gap** is a pair of adjacent chain levels
 * (ranks r and r + 1 of the declared chain; side levels are never adjacent) with no tight or loose
 * link between them. A level without actors stays in the chain, so its neighbours show a gap.
 *
 * O(n + m + L²) for L levels. No options.
 */
export function levelMatrix(index: GraphIndex): LevelMatrixResult {
  const { graph } = index;
  const levelCount = graph.levels.length;
  const kinds = LINK_KINDS.length;
  // counts[(a * L + b) * 3 * K + coupling * K + kind] with a ≤ b (level indices); coupling index
  // is 0 tight, 1 loose, 2 decoupled (COUPLINGS order), from strength 2, 1, 0.
  const counts = new Uint32Array(levelCount * levelCount * 3 * kinds);
  for (let e = 0; e < index.m; e++) {
    // The pair in level order, by comparison: a destructuring swap built an array per link.
    const s = index.levelOf[index.linkSource[e]!]!;
    const t = index.levelOf[index.linkTarget[e]!]!;
    const a = s < t ? s : t;
    const b = s < t ? t : s;
    const coupling = 2 - index.linkStrength[e]!;
    counts[(a * levelCount + b) * 3 * kinds + coupling * kinds + index.linkKind[e]!]!++;
  }
  const cells: LevelPairCell[] = [];
  for (let a = 0; a < levelCount; a++) {
    for (let b = a; b < levelCount; b++) {
      const base = (a * levelCount + b) * 3 * kinds;
      const byCoupling = { TIGHT: 0, LOOSE: 0, DECOUPLED: 0 } as Record<Coupling, number>;
      const byKind = Object.fromEntries(LINK_KINDS.map((kind) => [kind, 0])) as Record<LinkKind, number>;
      COUPLINGS.forEach((coupling, c) =>
        LINK_KINDS.forEach((kind, k) => {
          const value = counts[base + c * kinds + k]!;
          byCoupling[coupling] += value;
          byKind[kind] += value;
        }),
      );
      cells.push({
        levelKeys: [graph.levels[a]!.key, graph.levels[b]!.key],
        total: byCoupling.TIGHT + byCoupling.LOOSE + byCoupling.DECOUPLED,
        responsive: byCoupling.TIGHT + byCoupling.LOOSE,
        byCoupling,
        byKind,
      });
    }
  }

  const gaps: LevelGap[] = [];
  const findings: Finding[] = [];
  const chain = index.chainLevelIndices;
  for (let rank = 0; rank + 1 < chain.length; rank++) {
    const upper = chain[rank]!;
    const lower = chain[rank + 1]!;
    const [a, b] = upper < lower ? [upper, lower] : [lower, upper];
    const cell = cells.find((c) => c.levelKeys[0] === graph.levels[a]!.key && c.levelKeys[1] === graph.levels[b]!.key);
    if (cell && cell.responsive > 0) continue;
    const upperLevel = graph.levels[upper]!;
    const lowerLevel = graph.levels[lower]!;
    const linkIds: string[] = [];
    for (let e = 0; e < index.m; e++) {
      const s = index.levelOf[index.linkSource[e]!];
      const t = index.levelOf[index.linkTarget[e]!];
      if ((s === upper && t === lower) || (s === lower && t === upper)) linkIds.push(index.linkId(e));
    }
    const emptyLevelKeys = [upper, lower].filter((l) => index.actorsPerLevel[l] === 0).map((l) => graph.levels[l]!.key);
    const gap: LevelGap = { levelKeys: [upperLevel.key, lowerLevel.key], linkIds, emptyLevelKeys };
    gaps.push(gap);
    const decoupledSv =
      linkIds.length > 0 ? ` (${count(linkIds.length, 'frikopplad länk', 'frikopplade länkar')})` : '';
    const decoupledEn = linkIds.length > 0 ? ` (${count(linkIds.length, 'decoupled link', 'decoupled links')})` : '';
    const emptySv =
      emptyLevelKeys.length > 0
        ? `; ${emptyLevelKeys.map((k) => levelNameOf(index, k)).join(' och ')} saknar aktörer`
        : '';
    const emptyEn =
      emptyLevelKeys.length > 0
        ? `; ${emptyLevelKeys.map((k) => levelNameOf(index, k)).join(' and ')} has no actors`
        : '';
    findings.push(
      makeFinding({
        analysis: 'levelMatrix',
        kind: 'LEVEL_GAP',
        subject: `${upperLevel.key}-${lowerLevel.key}`,
        actorIds: actorIdsOnLevels(index, [upper, lower]),
        linkIds,
        levelKeys: gap.levelKeys,
        explanation: {
          sv: `Ingen lyhörd länk mellan ${upperLevel.name} och ${lowerLevel.name}${decoupledSv}${emptySv}.`,
          en: `No responsive link between ${upperLevel.name} and ${lowerLevel.name}${decoupledEn}${emptyEn}.`,
        },
      }),
    );
  }
  return { cells, gaps, findings };
}

function levelNameOf(index: GraphIndex, key: string): string {
  return index.graph.levels.find((level) => level.key === key)?.name ?? key;
}
