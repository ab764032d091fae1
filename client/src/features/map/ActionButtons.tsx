import { useTranslation } from 'react-i18next';

import type { MapData } from '../../state/map-store.ts';
import { useSelection } from '../../state/selection-store.ts';
import { actionById, runAction } from '../editing/actions.ts';

/** Buttons for registered actions, labelled with their shortcut. */
export function ActionButtons({ map, ids }: { map: MapData; ids: string[] }) {
  const { t } = useTranslation();
  const selected = useSelection((s) => s.selected);
  const ctx = { map, selected, t };
  return (
    <div className="action-buttons">
      {ids.map((id) => {
        const action = actionById(id);
        return (
          <button
            key={id}
            data-action={id}
            disabled={!action.isEnabled(ctx)}
            onClick={() => void runAction(action, ctx)}
          >
            {t(action.labelKey as 'toolbar.fit')} <kbd>{action.shortcut}</kbd>
          </button>
        );
      })}
    </div>
  );
}
