import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import type { MapData } from '../../state/map-store.ts';
import { useView, viewActions } from '../../state/view-store.ts';
import { LevelMatrix } from './LevelMatrix.tsx';
import { toEmphasis } from './to-emphasis.ts';
import { type AnalysisReport, analysisStore, runAnalysis } from './use-analysis.ts';

type Finding = AnalysisReport['findings'][number];

/** The analyses in the order the server lists them, each with its findings; empty ones left out. */
function groupByAnalysis(findings: readonly Finding[]): [Finding['analysis'], Finding[]][] {
  const groups = new Map<Finding['analysis'], Finding[]>();
  for (const finding of findings) groups.set(finding.analysis, [...(groups.get(finding.analysis) ?? []), finding]);
  return [...groups];
}

/** Findings of the nine analyses, grouped by analysis with their counts; choosing one highlights its actors and links and dims the rest. */
export function AnalysisPanel({ map }: { map: MapData }) {
  const { t, i18n } = useTranslation();
  const { key, status, chosenId: chosen } = analysisStore();
  // A highlight cleared elsewhere (the map's note, Esc, another scenario) un-chooses the finding.
  const isEmphasised = useView((s) => s.emphasis !== null);
  const chosenId = isEmphasised ? chosen : null;
  const isThisMap = key === `${map.organisation.id}:${map.scenario.id}`;
  const run = () => void runAnalysis(map.organisation.id, map.scenario.id);
  const choose = (id: string | null) => {
    analysisStore.setState({ chosenId: id });
    const finding = status.type === 'ready' ? status.data.findings.find((f) => f.id === id) : undefined;
    viewActions.emphasise(finding ? toEmphasis(finding, map) : null);
  };
  const language = i18n.language === 'en' ? 'en' : 'sv';

  return (
    <div className="analysis">
      <button data-action="runAnalysis" className="primary" onClick={run} disabled={status.type === 'loading'}>
        {t(isThisMap && status.type === 'ready' ? 'analysis.rerun' : 'analysis.run')}
      </button>
      {isThisMap && status.type === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {isThisMap && status.type === 'error' ? (
        <p role="alert">
          {status.error.code === 'GRAPHQL_VALIDATION_FAILED' ? t('analysis.unavailable') : errorText(t, status.error)}
        </p>
      ) : null}
      {isThisMap && status.type === 'ready' ? (
        <>
          <h4>{t('analysis.findings', { count: status.data.findings.length })}</h4>
          {chosenId ? <button onClick={() => choose(null)}>{t('analysis.clear')}</button> : null}
          {status.data.findings.length === 0 ? <p className="empty">{t('analysis.noFindings')}</p> : null}
          <div className="findings" data-testid="findings">
            {groupByAnalysis(status.data.findings).map(([analysis, findings]) => (
              <section key={analysis} className="findings__group" data-analysis={analysis}>
                <h5>{t('analysis.group', { name: t(`analysis.names.${analysis}`), count: findings.length })}</h5>
                <ul className="plain-list">
                  {findings.map((f) => (
                    <li key={f.id} data-kind={f.kind}>
                      <button
                        className="finding"
                        aria-pressed={chosenId === f.id}
                        onClick={() => choose(chosenId === f.id ? null : f.id)}
                      >
                        {f.explanation[language]}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <LevelMatrix map={map} report={status.data} />
        </>
      ) : null}
    </div>
  );
}
