import type { TFunction } from 'i18next';

import { request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import {
  type HistoryEntryFieldsFragment,
  RestoreOrganisationDocument,
  RestorePreviewDocument,
} from '../../api/generated/graphql.ts';
import { historyActions } from '../../state/history-store.ts';
import { currentMap } from '../../state/map-store.ts';
import { confirmAction } from '../../ui/confirm-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { reloadMap } from '../map/load-map.ts';
import { authorOf, changeSummary, namesFrom, recordLabel } from './entry-text.ts';

/**
 * Restores the organisation to right after a change, once the administrator has read what it
 * undoes: the later changes (how many, the newest of them) and, per record kind, what comes
 * back, goes and returns to how it was. Returns whether it was restored.
 */
export async function restoreTo(
  t: TFunction,
  organisationId: string,
  entry: HistoryEntryFieldsFragment,
  when: string,
): Promise<boolean> {
  try {
    const { restorePreview: preview } = await request(RestorePreviewDocument, {
      organisationId,
      historyEntryId: entry.id,
    });
    const nameOf = namesFrom(currentMap());
    const kind = (k: string) => t(`recordKind.${k}` as 'recordKind.actor');
    const details = [
      ...preview.changes.map((c) => t('historyPage.restoreKind', { ...c, kind: kind(c.kind) })),
      ...(preview.isOrganisationChanged ? [t('historyPage.restoreOrganisation')] : []),
      ...preview.undone.map(
        (u) => `${t('historyPage.undoes')} ${changeSummary(t, u, recordLabel(u, nameOf))} (${authorOf(t, u)})`,
      ),
    ];
    const isConfirmed = await confirmAction({
      title: t('historyPage.restoreTitle'),
      message: t('historyPage.restoreConfirm', {
        when,
        change: changeSummary(t, entry, recordLabel(entry, nameOf)),
        count: preview.undoneCount,
      }),
      details,
      confirmLabel: t('historyPage.restore'),
      isDestructive: true,
    });
    if (!isConfirmed) return false;
    await request(RestoreOrganisationDocument, { organisationId, historyEntryId: entry.id });
    historyActions.clear(); // the undo steps refer to a state that is gone
    await reloadMap();
    notify(t('historyPage.restored', { when }));
    return true;
  } catch (error) {
    notify(errorText(t, error), 'error');
    return false;
  }
}
