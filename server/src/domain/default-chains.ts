import type { OrganisationKind } from '@kopplingskartan/schema/interchange';

export type ChainLanguage = 'sv' | 'en';

/** A level of a default chain, named in both languages the product speaks. */
export interface DefaultLevel {
  key: string;
  name: Record<ChainLanguage, string>;
  isSide: boolean;
}

const SUPPORT: DefaultLevel = { key: 'support', name: { sv: 'Stöd', en: 'Support' }, isSide: true };
const PRINCIPAL: DefaultLevel = { key: 'principal', name: { sv: 'Rektor', en: 'Principal' }, isSide: false };
const TEACHER: DefaultLevel = { key: 'teacher', name: { sv: 'Lärare', en: 'Teacher' }, isSide: false };

/**
 * The chain a new organisation starts with, per kind of school authority (DOMAIN.md "The chain"):
 * a municipality's politics and administration; an independent group's board, CEO and regional
 * managers; for any other kind a leadership and an administration. Principals and teachers
 * below, support beside the chain. The user changes it freely before and after creating.
 */
export const DEFAULT_CHAINS: Readonly<Record<OrganisationKind, readonly DefaultLevel[]>> = {
  MUNICIPAL: [
    { key: 'politics', name: { sv: 'Politik', en: 'Politics' }, isSide: false },
    { key: 'administration', name: { sv: 'Förvaltning', en: 'Administration' }, isSide: false },
    PRINCIPAL,
    TEACHER,
    SUPPORT,
  ],
  INDEPENDENT: [
    { key: 'board', name: { sv: 'Styrelse', en: 'Board' }, isSide: false },
    { key: 'ceo', name: { sv: 'VD', en: 'CEO' }, isSide: false },
    { key: 'region', name: { sv: 'Regionchef', en: 'Regional manager' }, isSide: false },
    PRINCIPAL,
    TEACHER,
    SUPPORT,
  ],
  OTHER: [
    { key: 'leadership', name: { sv: 'Ledning', en: 'Leadership' }, isSide: false },
    { key: 'administration', name: { sv: 'Förvaltning', en: 'Administration' }, isSide: false },
    PRINCIPAL,
    TEACHER,
    SUPPORT,
  ],
};

/** The default chain of a kind with its names in one language, as organisation levels. */
export function defaultLevels(
  kind: OrganisationKind,
  language: ChainLanguage = 'sv',
): Array<{ key: string; name: string; isSide: boolean }> {
  return DEFAULT_CHAINS[kind].map((level) => ({ key: level.key, name: level.name[language], isSide: level.isSide }));
}
