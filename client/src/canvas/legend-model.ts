import { COUPLING_STYLE, type CouplingStyle, KIND_COLOUR } from './appearance.ts';
import { COUPLINGS, type Coupling, LINK_KINDS, type LinkKind } from './model.ts';

/**
 * The legend's content, once, for every place the map goes: the map view and presenter view draw
 * it as HTML, the SVG and PNG exports and the PDF draw it themselves. Texts come translated.
 */
export interface LegendModel {
  title: string;
  couplingHeading: string;
  couplings: { coupling: Coupling; label: string; help: string; style: CouplingStyle }[];
  kindHeading: string;
  kinds: { kind: LinkKind; label: string; colour: string }[];
  direction: string;
  side: string;
  unit: string;
  /** The sign on links whose perceptions disagree (never on an audience's map). */
  disagree: string;
  neutral: string;
}

/** The translation keys the legend reads (listed so the i18n check sees them). */
export type LegendText = (
  key:
    | 'legend.title'
    | 'legend.coupling'
    | 'legend.kind'
    | 'legend.direction'
    | 'legend.break'
    | 'legend.side'
    | 'legend.unit'
    | 'legend.disagree'
    | 'legend.neutral'
    | `coupling.${Coupling}`
    | `couplingHelp.${Coupling}`
    | `kind.${LinkKind}`,
) => string;

export function legendModel(t: LegendText): LegendModel {
  return {
    title: t('legend.title'),
    couplingHeading: t('legend.coupling'),
    couplings: COUPLINGS.map((coupling) => {
      const style = COUPLING_STYLE[coupling];
      const help = t(`couplingHelp.${coupling}`);
      return {
        coupling,
        label: t(`coupling.${coupling}`),
        help: style.hasBreak ? `${help}; ${t('legend.break')}` : help,
        style,
      };
    }),
    kindHeading: t('legend.kind'),
    kinds: LINK_KINDS.map((kind) => ({ kind, label: t(`kind.${kind}`), colour: KIND_COLOUR[kind] })),
    direction: t('legend.direction'),
    side: t('legend.side'),
    unit: t('legend.unit'),
    disagree: t('legend.disagree'),
    neutral: t('legend.neutral'),
  };
}
