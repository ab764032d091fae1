import 'i18next';

import type en from './locales/en.json';

// Keys are typed from en.json: a t('…') call with a key that does not exist fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
