import { actorIdsOnLevels, makeFinding } from './findings.ts';
import type { Finding } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';

export interface LevelPairArenas {
  /** Two different levels in the organisation's level order. */
  levelKeys: [string, string];
  arenaIds: string[];
}

export interface SharedArenasResult {
  /** Every pair of two different levels that both have actors, in level order. */
  pairs: LevelPairArenas[];
  /** The pairs with no arena in common. */
  neverMeet: Array<[string, string]>;
  findings: Finding[];
}

/**
 * Shared arenas (DOMAIN.md analysis 9: "which levels never meet in any forum").
 *
 * An actor **takes part** in an arena when it is listed among the arena's participants or is an
 * end of a link held in that arena (`arenaId`). Two levels **meet** in an arena when actors of
 * both take part in it. For every pair of different levels (chain and side) that both have
 * actors: the arenas where they meet; the pairs with none **never meet**. Levels without actors
 * are left out (they cannot meet). O(Σ participants + m + A·L²) for A arenas and L levels.
 */
export function sharedArenas(index: GraphIndex): SharedArenasResult {
  const { graph } = index;
  const levelCount = graph.levels.length;
  const arenaIndex = new Map(graph.arenas.map((arena, a) => [arena.id, a]));
  const present: Uint8Array[] = graph.arenas.map(() => new Uint8Array(levelCount));
  graph.arenas.forEach((arena, a) => {
    for (const id of arena.participantIds) present[a]![index.levelOf[index.actorIndex.get(id)!]!] = 1;
  });
  for (let e = 0; e < index.m; e++) {
    if (!index.linkInArena[e]) continue;
    const a = arenaIndex.get(index.arenaIdOf(e)!);
    if (a === undefined) continue;
    present[a]![index.levelOf[index.linkSource[e]!]!] = 1;
    present[a]![index.levelOf[index.linkTarget[e]!]!] = 1;
  }
  const pairs: LevelPairArenas[] = [];
  const neverMeet: Array<[string, string]> = [];
  const findings: Finding[] = [];
  for (let x = 0; x < levelCount; x++) {
    if (index.actorsPerLevel[x] === 0) continue;
    for (let y = x + 1; y < levelCount; y++) {
      if (index.actorsPerLevel[y] === 0) continue;
      const levelKeys: [string, string] = [graph.levels[x]!.key, graph.levels[y]!.key];
      const arenaIds = graph.arenas.filter((_, a) => present[a]![x] && present[a]![y]).map((arena) => arena.id);
      pairs.push({ levelKeys, arenaIds });
      if (arenaIds.length > 0) continue;
      neverMeet.push(levelKeys);
      const [first, second] = [graph.levels[x]!.name, graph.levels[y]!.name];
      findings.push(
        makeFinding({
          analysis: 'sharedArenas',
          kind: 'LEVELS_NEVER_MEET',
          subject: levelKeys.join('-'),
          actorIds: actorIdsOnLevels(index, [x, y]),
          levelKeys,
          explanation: {
            sv: `${first} och ${second} möts inte i något forum.`,
            en: `${first} and ${second} do not meet in any arena.`,
          },
        }),
      );
    }
  }
  return { pairs, neverMeet, findings };
}
