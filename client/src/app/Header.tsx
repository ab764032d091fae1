import { useTranslation } from 'react-i18next';

import { signOut, useSession } from '../features/account/index.ts';
import { newOrganisationActions, type OrganisationList } from '../features/organisations/index.ts';
import { LANGUAGES } from '../i18n/index.ts';
import { useMapState } from '../state/map-store.ts';
import { pageActions } from '../state/page-store.ts';
import { Menu, type MenuItem } from '../ui/Menu.tsx';

export function Header(props: {
  organisations: OrganisationList;
  current: string | null;
  onChoose: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession((s) => s.status);
  const me = session.type === 'ready' ? session.data : null;
  const role = useMapState((s) => s.role);
  const item = (id: 'organisation' | 'members' | 'history' | 'account' | 'users'): MenuItem => ({
    id,
    label: t(`pages.${id}`),
    onSelect: () => pageActions.open(id),
  });
  const organisationItems: MenuItem[] = [
    { id: 'newOrganisation', label: t('organisations.newEllipsis'), onSelect: () => newOrganisationActions.open() },
    ...(props.current ? [item('organisation')] : []),
    ...(props.current && role === 'OWNER' ? [item('members')] : []),
    ...(props.current && role && role !== 'AUDIENCE' ? [item('history')] : []),
  ];
  const accountItems: MenuItem[] = [
    item('account'),
    ...(me?.isAdmin ? [item('users')] : []),
    { id: 'signOut', label: t('account.signOut'), onSelect: () => void signOut() },
  ];
  return (
    <header className="header">
      <h1>
        {t('app.title')} <small>{t('app.tagline')}</small>
      </h1>
      {props.organisations.length > 0 ? (
        <label>
          {t('app.organisation')}{' '}
          <select name="organisation" value={props.current ?? ''} onChange={(e) => props.onChoose(e.target.value)}>
            {props.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <Menu name="organisation" label={t('app.organisationMenu')} items={organisationItems} />
      <span role="group" aria-label={t('app.language')} className="header__languages">
        {LANGUAGES.map((lng) => (
          <button
            key={lng}
            lang={lng}
            data-language={lng}
            aria-pressed={i18n.language === lng}
            onClick={() => void i18n.changeLanguage(lng)}
          >
            {lng === 'sv' ? 'Svenska' : 'English'}
          </button>
        ))}
      </span>
      {me ? (
        <Menu name="account" label={me.displayName ?? me.email} title={t('pages.account')} items={accountItems} />
      ) : null}
    </header>
  );
}
