import { useTranslation } from 'react-i18next';

import { heatColour } from '../../lib/colour-scale.ts';
import type { MapData } from '../../state/map-store.ts';
import type { AnalysisReport } from './use-analysis.ts';

/** Responsive links between each pair of levels as a small heat table (neutral scale: count only). */
export function LevelMatrix({ map, report }: { map: MapData; report: AnalysisReport }) {
  const { t } = useTranslation();
  const levels = map.organisation.levels;
  const cell = (a: string, b: string) =>
    report.levelMatrix.cells.find(
      (c) => (c.levelKeys[0] === a && c.levelKeys[1] === b) || (c.levelKeys[0] === b && c.levelKeys[1] === a),
    );
  const max = Math.max(0, ...report.levelMatrix.cells.map((c) => c.responsive));
  return (
    <figure className="level-matrix">
      <figcaption>{t('analysis.matrix')}</figcaption>
      <table className="heat-table" data-testid="level-matrix">
        <thead>
          <tr>
            <th />
            {levels.map((l) => (
              <th key={l.key} scope="col">
                {l.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {levels.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {levels.map((col) => {
                const c = cell(row.key, col.key);
                const value = c?.responsive ?? 0;
                const colour = heatColour(value, max);
                return (
                  <td
                    key={col.key}
                    style={{ background: colour.background, color: colour.text }}
                    title={c ? `${c.responsive} / ${c.total}` : '0'}
                  >
                    {value}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="empty">{t('analysis.matrixHelp')}</p>
    </figure>
  );
}
