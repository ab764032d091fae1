import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../api/error-text.ts';
import { Editor } from '../features/editing/Editor.tsx';
import { useKeyboard } from '../features/editing/use-keyboard.ts';
import { loadMap } from '../features/map/load-map.ts';
import { MapView } from '../features/map/MapView.tsx';
import { SidePanel } from '../features/map/SidePanel.tsx';
import { Toolbar } from '../features/map/Toolbar.tsx';
import {
  loadOrganisations,
  newOrganisationActions,
  NewOrganisationHost,
  openOrganisation,
  useOrganisations,
} from '../features/organisations/index.ts';
import { ScenarioBanner } from '../features/scenarios/index.ts';
import { useMapState } from '../state/map-store.ts';
import { isPersonalPage, pageActions, usePage } from '../state/page-store.ts';
import { viewActions } from '../state/view-store.ts';
import { Header } from './Header.tsx';
import { PageView } from './PageView.tsx';
import { StatusLine } from './StatusLine.tsx';

export function App() {
  const { t } = useTranslation();
  const organisations = useOrganisations((s) => s.status);
  const { status, organisationId } = useMapState();
  const page = usePage((s) => s.page);
  useKeyboard();

  useEffect(() => {
    void loadOrganisations();
    // Back from the presenter view (`?presentation=`): its editor opens in the presentations tab.
    if (new URLSearchParams(window.location.search).has('presentation')) viewActions.showPanel('presentations');
    window.addEventListener('popstate', pageActions.syncWithUrl);
    return () => window.removeEventListener('popstate', pageActions.syncWithUrl);
  }, []);

  // Open the organisation named in the URL, else the first one.
  useEffect(() => {
    if (organisations.type !== 'ready' || organisationId) return;
    const wanted = new URLSearchParams(window.location.search).get('org');
    const first = organisations.data.find((o) => o.id === wanted) ?? organisations.data[0];
    if (first) void loadMap(first.id, new URLSearchParams(window.location.search).get('scenario'));
  }, [organisations, organisationId]);

  let body;
  if (isPersonalPage(page)) {
    body = <PageView page={page} organisationId={organisationId} />;
  } else if (organisations.type === 'error') {
    body = <Problem text={errorText(t, organisations.error)} onRetry={() => void loadOrganisations()} />;
  } else if (organisations.type === 'ready' && organisations.data.length === 0) {
    body = <NoOrganisations />;
  } else if (page !== 'map' && organisationId) {
    body = <PageView page={page} organisationId={organisationId} />;
  } else if (status.type === 'error') {
    body = (
      <Problem
        text={`${t('status.mapError')} ${errorText(t, status.error)}`}
        onRetry={() => organisationId && void loadMap(organisationId, null)}
      />
    );
  } else if (status.type === 'ready') {
    body = (
      <>
        <Toolbar map={status.data} />
        <div className="workspace">
          <main id="map" className="workspace__map">
            <MapView map={status.data} />
            <ScenarioBanner map={status.data} />
          </main>
          <SidePanel map={status.data} />
        </div>
        <Editor map={status.data} />
      </>
    );
  } else {
    body = (
      <p className="empty empty--page" role="status">
        {t('status.loadingMap')}
      </p>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href={page === 'map' ? '#map-canvas' : '#page'}>
        {t('app.skipToMap')}
      </a>
      <Header
        organisations={organisations.type === 'ready' ? organisations.data : []}
        current={organisationId}
        onChoose={openOrganisation}
      />
      {body}
      <NewOrganisationHost />
      <StatusLine />
    </div>
  );
}

/** The first start: nothing to open yet, so say how to begin. */
function NoOrganisations() {
  const { t } = useTranslation();
  return (
    <main className="empty--page start" id="page">
      <h2>{t('empty.noOrganisationsTitle')}</h2>
      <p>{t('empty.noOrganisations')}</p>
      <div className="button-row">
        <button className="primary" data-action="newOrganisation" onClick={() => newOrganisationActions.open()}>
          {t('organisations.new')}
        </button>
        <button onClick={() => newOrganisationActions.open('template')}>{t('organisations.sources.template')}</button>
        <button onClick={() => newOrganisationActions.open('file')}>{t('organisations.sources.file')}</button>
      </div>
    </main>
  );
}

function Problem(props: { text: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="problem" role="alert">
      <p>{props.text}</p>
      <button onClick={props.onRetry}>{t('common.retry')}</button>
    </div>
  );
}
