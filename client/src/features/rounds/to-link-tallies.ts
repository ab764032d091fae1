import type { LinkTally } from '../../state/link-tally-store.ts';

interface Split {
  tight: number;
  loose: number;
  decoupled: number;
  unknown: number;
}

/** A link's result as the facilitator's results and a presentation's rounds both give it. */
export interface LinkResult {
  linkId: string;
  answered: number;
  coupling: Split;
  viewsPart: readonly string[];
  differsFromRecorded: readonly string[];
  groups: ReadonlyArray<{ levelKey?: string | null; coupling: Split }>;
}

/** The signs on the map and in the side panel: views part; most answers differ from the map. */
export const ROUND_MARKS = { viewsPart: '≠', differs: '◇' } as const;

/** "3/1/1": tight/loose/decoupled, and "+1?" for answers that give no coupling. */
function splitText(split: Split): string {
  const known = `${split.tight}/${split.loose}/${split.decoupled}`;
  return split.unknown > 0 ? `${known} +${split.unknown}?` : known;
}

/**
 * What the map draws on each link a round asks about: first line the marks, how many answered and
 * how their couplings split ("≠ 5 · 3/1/1"); a second line with the split by level when at least
 * one level is shown apart. The levels come as the server grouped them under the smallest-group
 * rule (a merged group has no level), so the map shows no group the side panel does not.
 * @param levelName the name of a level; called with null for the merged group.
 */
export function toLinkTallies(
  links: readonly LinkResult[],
  levelName: (levelKey: string | null) => string,
): Map<string, LinkTally> {
  return new Map(
    links.map((link) => {
      const isViewsPart = link.viewsPart.length > 0;
      const isDiffering = link.differsFromRecorded.length > 0;
      const marks = [isViewsPart ? ROUND_MARKS.viewsPart : '', isDiffering ? ROUND_MARKS.differs : '']
        .filter(Boolean)
        .join(' ');
      const total = link.answered > 0 ? `${link.answered} · ${splitText(link.coupling)}` : '0';
      const lines = [marks ? `${marks} ${total}` : total];
      if (link.groups.some((group) => group.levelKey)) {
        lines.push(
          link.groups.map((group) => `${levelName(group.levelKey ?? null)} ${splitText(group.coupling)}`).join(' · '),
        );
      }
      return [link.linkId, { label: lines.join('\n'), isViewsPart, isDiffering }];
    }),
  );
}
