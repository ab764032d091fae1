import { ANALYSIS_TITLES } from '@kopplingskartan/schema/text';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from './locales/en.json';
import sv from './locales/sv.json';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The locale files plus the analyses' names, which the server's meeting report shares (schema/text). */
function withAnalysisNames<T extends { analysis: object }>(locale: T, language: Language) {
  return { ...locale, analysis: { ...locale.analysis, names: ANALYSIS_TITLES[language] } };
}
export const resources = {
  sv: { translation: withAnalysisNames(sv, 'sv') },
  en: { translation: withAnalysisNames(en, 'en') },
} as const;

const STORAGE_KEY = 'kk:language';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  const fromUrl = typeof location !== 'undefined' ? new URLSearchParams(location.search).get('lang') : null;
  const wanted = fromUrl ?? stored;
  return wanted === 'en' || wanted === 'sv' ? wanted : 'sv';
}

/** Called once from main.tsx (not at import, so tests can import locales without side effects). */
export function setupI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    localStorage.setItem(STORAGE_KEY, lng);
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
