import type { IssueReason } from '../domain/errors.ts';
import type { SheetName } from './spreadsheet-layout.ts';

/** Why a row or cell was refused; the domain's reasons plus the ones only a file can cause. */
export type ImportIssueReason = IssueReason | 'AMBIGUOUS_REFERENCE' | 'UNREADABLE_FILE' | 'MISSING_SHEET';

/**
 * One problem, located the way a person finds it in the file: sheet, row (as the spreadsheet
 * numbers it: the header is row 1) and column (the header as written in the file). Problems in
 * records the file did not touch carry `sheet: null` and the document path in `field`.
 */
export interface ImportIssue {
  sheet: SheetName | null;
  /**
   * The sheet as the file names it ("Kopplingar", "kopplingar.csv"), for saying where the problem
   * is in the user's own words; added to every issue of a plan (null outside any sheet).
   */
  sheetName?: string | null;
  row: number | null;
  column: string | null;
  /** The canonical column key (`target`) or, when outside any sheet, the document path. */
  field: string | null;
  reason: ImportIssueReason;
  message: string;
  value?: unknown;
}

/** A problem of the file as a whole, or of a record it did not touch (located by its document path). */
export function documentIssue(
  field: string | null,
  reason: ImportIssueReason,
  message: string,
  value?: unknown,
): ImportIssue {
  return { sheet: null, row: null, column: null, field, reason, message, ...(value === undefined ? {} : { value }) };
}

/** Something that was accepted but not as written (ignored column, defaulted value): shown, not fatal. */
export interface ImportNote {
  sheet: SheetName | null;
  message: string;
  count?: number;
}
