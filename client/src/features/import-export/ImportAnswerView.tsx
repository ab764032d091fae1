import { useTranslation } from 'react-i18next';

import type { ImportAnswer } from '../../api/files.ts';

/** What the check or the import answered: ready, written, or every problem located in the file. */
export function ImportAnswerView({ answer }: { answer: ImportAnswer }) {
  const { t } = useTranslation();
  if (answer.code && !answer.issues) return <p role="alert">{answer.message}</p>;
  return (
    <div data-testid="import-answer">
      <p role="status">
        {answer.applied
          ? t('importExport.applied')
          : answer.ok
            ? t('importExport.ready')
            : t('importExport.problems', { count: answer.issueCount })}
      </p>
      {answer.preview ? (
        <table className="import-counts">
          <tbody>
            {Object.entries(answer.preview.counts).map(([kind, counts]) => (
              <tr key={kind}>
                <th scope="row">{kind}</th>
                <td>{t('importExport.counts', counts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {answer.issues.length > 0 ? (
        <table className="import-issues">
          <thead>
            <tr>
              <th>{t('importExport.sheet')}</th>
              <th>{t('importExport.row')}</th>
              <th>{t('importExport.column')}</th>
              <th>{t('importExport.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.issues.map((issue, i) => (
              <tr key={i}>
                <td>{issue.sheet}</td>
                <td>{issue.row}</td>
                <td>{issue.column}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
