import type Database from 'better-sqlite3';

import type { Organisation } from '../../domain/records.ts';
import type { LevelGapOptions } from '../graph-store.ts';

/**
 * The SQLite side of the cross-organisation research query (the Neo4j side is
 * `ORGANISATIONS_WITH_LEVEL_GAP` in neo4j/queries.ts); both answer the same question.
 *
 * Chain ranks come from the organisation's `levels` JSON: side levels are left out and the rest
 * numbered in list order, so "adjacent" means rank + 1 in that organisation's own chain.
 */
const ORGANISATIONS_WITH_LEVEL_GAP_SQL = `
  WITH chain AS (
    SELECT o.id AS organisation_id,
           json_extract(level.value, '$.key') AS level_key,
           ROW_NUMBER() OVER (PARTITION BY o.id ORDER BY CAST(level.key AS INTEGER)) AS rank
    FROM organisations o, json_each(o.levels) AS level
    WHERE json_extract(level.value, '$.isSide') = 0
  )
  SELECT DISTINCT o.*
  FROM organisations o
  JOIN chain upper_level ON upper_level.organisation_id = o.id AND upper_level.level_key = @upperLevel
  JOIN chain lower_level ON lower_level.organisation_id = o.id AND lower_level.level_key = @lowerLevel
                        AND lower_level.rank = upper_level.rank + 1
  JOIN scenarios current ON current.organisation_id = o.id AND current.kind = 'CURRENT'
  WHERE NOT EXISTS (
    SELECT 1
    FROM links l
    JOIN actors a ON a.organisation_id = l.organisation_id AND a.id = l.source_id
    JOIN actors b ON b.organisation_id = l.organisation_id AND b.id = l.target_id
    WHERE l.organisation_id = o.id
      AND l.scenario_id = current.id
      AND l.coupling IN ('TIGHT', 'LOOSE')
      AND ((a.level_key = @upperLevel AND b.level_key = @lowerLevel) OR (a.level_key = @lowerLevel AND b.level_key = @upperLevel))
  )
  ORDER BY o.id
`;

/**
 * Organisations in which two adjacent chain levels (default administration → principal) have
 * no responsive (TIGHT or LOOSE) link, either way, in the CURRENT scenario. Organisations whose
 * chain lacks either level, or has another chain level between them, are not listed.
 * @returns the organisations ordered by id.
 */
export function organisationsWithLevelGap(db: Database.Database, options: LevelGapOptions = {}): Organisation[] {
  const upperLevel = options.upperLevel ?? 'administration';
  const lowerLevel = options.lowerLevel ?? 'principal';
  if (upperLevel === lowerLevel) return [];
  const rows = db.prepare(ORGANISATIONS_WITH_LEVEL_GAP_SQL).all({ upperLevel, lowerLevel }) as Array<
    Omit<Organisation, 'levels'> & { levels: string }
  >;
  return rows.map((row) => ({ ...row, levels: JSON.parse(row.levels) as Organisation['levels'] }));
}
