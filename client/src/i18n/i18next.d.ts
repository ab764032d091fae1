import 'i18next';

import type { resources } from './index.ts';

// Keys are typed from the English resources (en.json and the shared analysis names): a t('…') call with a key that does not exist fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: (typeof resources)['en']['translation'] };
  }
}
