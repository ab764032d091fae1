import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../api/error-text.ts';
import { Editor } from '../features/editing/Editor.tsx';
import { useKeyboard } from '../features/editing/use-keyboard.ts';
import { loadMap } from '../features/map/load-map.ts';
import { MapView } from '../features/map/MapView.tsx';
import { SidePanel } from '../features/map/SidePanel.tsx';
import { Toolbar } from '../features/map/Toolbar.tsx';
import { useOrganisations } from '../features/organisations/use-organisations.ts';
import { historyActions } from '../state/history-store.ts';
import { getEmptyMapState, mapStore, useMapState } from '../state/map-store.ts';
import { selectionActions } from '../state/selection-store.ts';
import { viewActions } from '../state/view-store.ts';
import { Header } from './Header.tsx';
import { StatusLine } from './StatusLine.tsx';

function chooseOrganisation(id: string): void {
  selectionActions.clear();
  historyActions.clear();
  mapStore.setState(getEmptyMapState());
  const url = new URL(window.location.href);
  url.searchParams.set('org', id);
  url.searchParams.delete('scenario');
  window.history.replaceState(null, '', url);
  void loadMap(id, null);
}

export function App() {
  const { t } = useTranslation();
  const [organisations, retry] = useOrganisations();
  const { status, organisationId } = useMapState();
  useKeyboard();

  // Back from the presenter view (`?presentation=`): its editor opens in the presentations tab.
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has('presentation')) viewActions.showPanel('presentations');
  }, []);

  // Open the organisation named in the URL, else the first one.
  useEffect(() => {
    if (organisations.type !== 'ready' || organisationId) return;
    const wanted = new URLSearchParams(window.location.search).get('org');
    const first = organisations.data.find((o) => o.id === wanted) ?? organisations.data[0];
    if (first) void loadMap(first.id, new URLSearchParams(window.location.search).get('scenario'));
  }, [organisations, organisationId]);

  let body;
  if (organisations.type === 'error') {
    body = <Problem text={errorText(t, organisations.error)} onRetry={retry} />;
  } else if (organisations.type === 'ready' && organisations.data.length === 0) {
    body = <p className="empty empty--page">{t('empty.noOrganisations')}</p>;
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
      <a className="skip-link" href="#map-canvas">
        {t('app.skipToMap')}
      </a>
      <Header
        organisations={organisations.type === 'ready' ? organisations.data : []}
        current={organisationId}
        onChoose={chooseOrganisation}
      />
      {body}
      <StatusLine />
    </div>
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
