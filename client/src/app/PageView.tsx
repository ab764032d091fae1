import { useTranslation } from 'react-i18next';

import { AccountPage, UsersPage } from '../features/account/index.ts';
import { HistoryPage } from '../features/history/index.ts';
import { MembersPage } from '../features/members/index.ts';
import { OrganisationPage } from '../features/organisations/index.ts';
import { type PageId, pageActions } from '../state/page-store.ts';
import { Page } from '../ui/Page.tsx';

/** A page beside the map, with its title and the way back to the map. */
export function PageView({ page, organisationId }: { page: Exclude<PageId, 'map'>; organisationId: string | null }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`pages.${page}`)} backLabel={t('pages.backToMap')} onBack={() => pageActions.open('map')}>
      {page === 'organisation' && organisationId ? <OrganisationPage organisationId={organisationId} /> : null}
      {page === 'members' && organisationId ? <MembersPage organisationId={organisationId} /> : null}
      {page === 'history' && organisationId ? <HistoryPage organisationId={organisationId} /> : null}
      {page === 'account' ? <AccountPage /> : null}
      {page === 'users' ? <UsersPage /> : null}
    </Page>
  );
}
