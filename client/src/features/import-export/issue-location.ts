/** An import problem as the server reports it (server/src/io/import-issues.ts). */
export interface ImportIssueLike {
  sheet: string | null;
  /** The sheet as the file names it ("Kopplingar", "kopplingar.csv"). */
  sheetName?: string | null;
  row: number | null;
  /** The column header as written in the file. */
  column: string | null;
  /** The column key, or outside any sheet the document path (`scenarios[0].links[3].targetId`). */
  field: string | null;
}

/**
 * Where to find a problem, in the file's own words: a sheet as the file names it (or, for a
 * missing sheet or an interchange document, which list), a row and a column; or nowhere in
 * particular: then it concerns the whole file.
 */
export type IssueLocation =
  | { type: 'cell'; sheet: { written: string } | { list: string }; row: number | null; column: string | null }
  | { type: 'file' };

const LIST_OF_SHEET: Record<string, string> = {
  organisation: 'organisation',
  levels: 'levels',
  scenarios: 'scenarios',
  units: 'units',
  actors: 'actors',
  arenas: 'arenas',
  links: 'links',
  perceptions: 'perceptions',
  initiatives: 'initiatives',
  evidence: 'evidence',
  presentations: 'presentations',
  steps: 'presentations',
};

export function issueLocation(issue: ImportIssueLike): IssueLocation {
  if (issue.sheet) {
    return {
      type: 'cell',
      sheet: issue.sheetName ? { written: issue.sheetName } : { list: issue.sheet },
      row: issue.row,
      column: issue.column ?? issue.field,
    };
  }
  // A document path: the innermost list names the kind, its index the item (counted from 1).
  const tokens = [...(issue.field ?? '').matchAll(/([A-Za-z]+)(?:\[(\d+)\])?/g)];
  const lists = tokens.filter((m) => m[2] !== undefined);
  const innermost = lists.at(-1);
  const list = innermost
    ? LIST_OF_SHEET[innermost[1] ?? '']
    : tokens[0]
      ? LIST_OF_SHEET[tokens[0][1] ?? '']
      : undefined;
  if (!list) return { type: 'file' };
  const last = tokens.at(-1);
  return {
    type: 'cell',
    sheet: { list },
    row: innermost ? Number(innermost[2]) + 1 : null,
    column: last && last !== innermost && last !== tokens[0] ? (last[1] ?? null) : null,
  };
}
