import { useTranslation } from 'react-i18next';

import { COUPLING_STYLE, KIND_COLOUR } from '../../canvas/appearance.ts';
import { COUPLINGS, LINK_KINDS } from '../../canvas/model.ts';

/** Always on screen: the encoding, drawn with the same constants as the map itself. */
export function Legend() {
  const { t } = useTranslation();
  return (
    <details className="legend" open>
      <summary>{t('legend.title')}</summary>
      <p className="legend__heading">{t('legend.coupling')}</p>
      <ul>
        {COUPLINGS.map((c) => {
          const s = COUPLING_STYLE[c];
          return (
            <li key={c}>
              <svg width="56" height="14" aria-hidden="true">
                <line
                  x1="2"
                  y1="7"
                  x2="54"
                  y2="7"
                  stroke="#333"
                  strokeWidth={s.width}
                  opacity={s.opacity}
                  strokeDasharray={s.dashArray ?? undefined}
                />
                {s.hasBreak ? <line x1="28" y1="1" x2="28" y2="13" stroke="#333" strokeWidth="2.5" /> : null}
              </svg>
              {t(`coupling.${c}`)}{' '}
              <small>
                ({t(`couplingHelp.${c}`)}
                {s.hasBreak ? `; ${t('legend.break')}` : ''})
              </small>
            </li>
          );
        })}
      </ul>
      <p className="legend__heading">{t('legend.kind')}</p>
      <ul className="legend__kinds">
        {LINK_KINDS.map((k) => (
          <li key={k}>
            <span className="legend__swatch" style={{ background: KIND_COLOUR[k] }} aria-hidden="true" />
            {t(`kind.${k}`)}
          </li>
        ))}
      </ul>
      <p>
        <svg width="40" height="12" aria-hidden="true">
          <line x1="2" y1="6" x2="30" y2="6" stroke="#333" strokeWidth="2" />
          <path d="M30,1 L38,6 L30,11 z" fill="#333" />
        </svg>{' '}
        {t('legend.direction')}
      </p>
      <p>
        <span className="legend__side" aria-hidden="true" /> {t('legend.side')} ·{' '}
        <span className="legend__unit" aria-hidden="true" /> {t('legend.unit')}
      </p>
      <p>
        <span className="legend__disagree" aria-hidden="true">
          ≠
        </span>{' '}
        {t('legend.disagree')}
      </p>
      <p className="legend__neutral">{t('legend.neutral')}</p>
    </details>
  );
}
