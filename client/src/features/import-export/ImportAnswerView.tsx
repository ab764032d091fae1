import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import type { ImportAnswer } from '../../api/files.ts';
import { issueLocation } from './issue-location.ts';
import './import-export.css';

type Issue = ImportAnswer['issues'][number];

/** Every reason an import gives, in the user's language; the server's own words for one it adds later. */
const REASONS = new Set([
  'REQUIRED',
  'INVALID',
  'TOO_LONG',
  'UNKNOWN_REFERENCE',
  'OTHER_SCENARIO',
  'SELF_LINK',
  'DUPLICATE',
  'UNKNOWN_LEVEL',
  'LEVEL_IN_USE',
  'COUPLING_CONTRADICTS_RATINGS',
  'COUPLING_REQUIRED',
  'SCENARIO_RULE',
  'CYCLE',
  'AMBIGUOUS_REFERENCE',
  'UNREADABLE_FILE',
  'MISSING_SHEET',
]);

function problemText(t: TFunction, issue: Issue): string {
  return REASONS.has(issue.reason) ? t(`importReasons.${issue.reason}` as 'importReasons.INVALID') : issue.message;
}

function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** "Kopplingar · rad 3 · kolumn koppling", or that the problem concerns the whole file. */
function whereText(t: TFunction, issue: Issue): string {
  const where = issueLocation(issue);
  if (where.type === 'file') return t('importExport.wholeFile');
  const sheet =
    'written' in where.sheet
      ? where.sheet.written
      : t(`importExport.sheets.${where.sheet.list}` as 'importExport.sheets.actors');
  return [
    sheet,
    where.row === null ? null : t('importExport.rowN', { row: where.row }),
    where.column === null ? null : t('importExport.columnN', { column: where.column }),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** What the check or the import answered: ready, written, or every problem located in the file. */
export function ImportAnswerView({ answer }: { answer: ImportAnswer }) {
  const { t } = useTranslation();
  if (answer.code && !answer.issues) {
    return <p role="alert">{errorText(t, new ApiError(answer.code, answer.message ?? ''))}</p>;
  }
  return (
    <div data-testid="import-answer">
      <p role="status">
        {answer.applied
          ? t('importExport.applied')
          : answer.ok
            ? t('importExport.ready')
            : t('importExport.problems', { count: answer.issueCount })}
      </p>
      {answer.preview && answer.ok ? (
        <table className="import-counts">
          <tbody>
            {Object.entries(answer.preview.counts).map(([kind, counts]) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">
                  {t(`importExport.kinds.${kind}` as 'importExport.kinds.actor', { defaultValue: kind })}
                </th>
                <td>
                  {t('importExport.counts', {
                    created: t('count.created', { count: counts.created }),
                    updated: t('count.updated', { count: counts.updated }),
                    unchanged: t('count.unchanged', { count: counts.unchanged }),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {answer.issues.length > 0 ? (
        <ol className="import-issues">
          {answer.issues.map((issue, i) => {
            const value = valueText(issue.value);
            return (
              <li key={i} data-issue={i}>
                <span className="import-issues__where">{whereText(t, issue)}</span>
                {value ? <span className="import-issues__value">“{value}”</span> : null}
                <span className="import-issues__problem">{problemText(t, issue)}</span>
              </li>
            );
          })}
        </ol>
      ) : null}
      {answer.issuesLeftOut ? <p>{t('importExport.issuesLeftOut', { count: answer.issuesLeftOut })}</p> : null}
    </div>
  );
}
