import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

import { legendModel } from '../../canvas/legend-model.ts';
import { useLinkTallies } from '../../state/link-tally-store.ts';

/**
 * The encoding, drawn with the same constants as the map itself: a strip along the bottom of the
 * map (the fitted view keeps clear of it), folded to one line on request.
 */
export const Legend = forwardRef<
  HTMLDetailsElement,
  {
    className?: string;
    /** Whether a round's result is on the map; by default, whether the map view follows a round. */
    isRoundShown?: boolean;
  }
>(function Legend(props, ref) {
  const { t } = useTranslation();
  const legend = legendModel((key) => t(key));
  const isFollowingRound = useLinkTallies((s) => s.tallies.size > 0);
  const isRoundShown = props.isRoundShown ?? isFollowingRound;
  return (
    <details className={`legend ${props.className ?? ''}`} open ref={ref} data-testid="legend">
      <summary>{legend.title}</summary>
      <div className="legend__body">
        <ul aria-label={legend.couplingHeading}>
          {legend.couplings.map(({ coupling, label, help, style }) => (
            <li key={coupling}>
              <svg width="44" height="14" aria-hidden="true">
                <line
                  x1="2"
                  y1="7"
                  x2="42"
                  y2="7"
                  stroke="#333"
                  strokeWidth={style.width}
                  opacity={style.opacity}
                  strokeDasharray={style.dashArray ?? undefined}
                />
                {style.hasBreak ? <line x1="22" y1="1" x2="22" y2="13" stroke="#333" strokeWidth="2.5" /> : null}
              </svg>
              <span>
                <strong>{label}</strong> <small>{help}</small>
              </span>
            </li>
          ))}
        </ul>
        <ul aria-label={legend.kindHeading} className="legend__kinds">
          {legend.kinds.map(({ kind, label, colour }) => (
            <li key={kind}>
              <span className="legend__swatch" style={{ background: colour }} aria-hidden="true" />
              {label}
            </li>
          ))}
        </ul>
        <ul className="legend__marks">
          <li>
            <svg width="34" height="12" aria-hidden="true">
              <line x1="2" y1="6" x2="24" y2="6" stroke="#333" strokeWidth="2" />
              <path d="M24,1 L32,6 L24,11 z" fill="#333" />
            </svg>
            {legend.direction}
          </li>
          <li>
            <span className="legend__side" aria-hidden="true" /> {legend.side}
          </li>
          <li>
            <span className="legend__unit" aria-hidden="true" /> {legend.unit}
          </li>
          <li>
            <span className="legend__disagree" aria-hidden="true">
              ≠
            </span>{' '}
            {legend.disagree}
          </li>
          {isRoundShown ? (
            <>
              <li data-testid="legend-round">
                <span className="legend__disagree" aria-hidden="true">
                  5 · 3/1/1
                </span>{' '}
                {t('legend.roundTally')}
              </li>
              <li>
                <span className="legend__disagree legend__views-part" aria-hidden="true">
                  ≠
                </span>{' '}
                {t('legend.roundViewsPart')}
              </li>
              <li>
                <span className="legend__disagree" aria-hidden="true">
                  ◇
                </span>{' '}
                {t('legend.roundDiffers')}
              </li>
            </>
          ) : null}
          <li className="legend__neutral">{legend.neutral}</li>
        </ul>
      </div>
    </details>
  );
});
