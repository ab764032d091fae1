import { useTranslation } from 'react-i18next';

import type { OrganisationList } from '../features/organisations/use-organisations.ts';
import { signOut, useSession } from '../features/account/session-store.ts';
import { LANGUAGES } from '../i18n/index.ts';

export function Header(props: {
  organisations: OrganisationList;
  current: string | null;
  onChoose: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession((s) => s.status);
  const email = session.type === 'ready' ? session.data?.email : undefined;
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
      {email ? (
        <button onClick={() => void signOut()} title={email}>
          {t('account.signOut')}
        </button>
      ) : null}
    </header>
  );
}
