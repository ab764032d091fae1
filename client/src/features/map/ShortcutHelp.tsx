import { useTranslation } from 'react-i18next';

import { useView, viewActions } from '../../state/view-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ACTIONS } from '../editing/actions.ts';

/** Every keyboard shortcut (?): moving on the map, then each registered action with its key. */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const isOpen = useView((s) => s.isHelpOpen);
  if (!isOpen) return null;
  const close = () => viewActions.showHelp(false);
  const map: [string, string][] = [
    ['Tab', t('help.tab')],
    ['← ↑ → ↓', t('help.arrows')],
    ['Enter', t('help.enter')],
    ['/', t('help.search')],
  ];
  return (
    <Dialog title={t('help.title')} onClose={close}>
      <div className="shortcut-help" data-testid="shortcut-help">
        <h3>{t('help.map')}</h3>
        <dl>
          {map.map(([key, text]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('help.actions')}</h3>
        <dl>
          {ACTIONS.map((action) => (
            <div key={action.id}>
              <dt>
                <kbd>{action.shortcut}</kbd>
              </dt>
              <dd>{t(action.labelKey as 'toolbar.fit')}</dd>
            </div>
          ))}
        </dl>
        <button onClick={close} autoFocus>
          {t('help.close')}
        </button>
      </div>
    </Dialog>
  );
}
