import { create } from 'zustand';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError } from '../../api/error-text.ts';
import { type OrganisationsQuery, OrganisationsDocument } from '../../api/generated/graphql.ts';
import { historyActions } from '../../state/history-store.ts';
import { getEmptyMapState, mapStore } from '../../state/map-store.ts';
import { selectionActions } from '../../state/selection-store.ts';
import { loadMap } from '../map/load-map.ts';

export type OrganisationList = OrganisationsQuery['organisations']['nodes'];

/** The organisations the signed-in person may open (all of them for an administrator). */
export const organisationsStore = create<{ status: RequestStatus<OrganisationList> }>(() => ({
  status: { type: 'idle' },
}));
export const useOrganisations = organisationsStore;

export async function loadOrganisations(): Promise<void> {
  if (organisationsStore.getState().status.type !== 'ready')
    organisationsStore.setState({ status: { type: 'loading' } });
  try {
    const data = await request(OrganisationsDocument, {});
    organisationsStore.setState({ status: { type: 'ready', data: data.organisations.nodes } });
  } catch (error) {
    organisationsStore.setState({ status: { type: 'error', error: asApiError(error) } });
  }
}

/** Opens another organisation's map (its current scenario), named in the URL so a reload keeps it. */
export function openOrganisation(id: string): void {
  selectionActions.clear();
  historyActions.clear();
  mapStore.setState(getEmptyMapState());
  const url = new URL(window.location.href);
  url.searchParams.set('org', id);
  url.searchParams.delete('scenario');
  window.history.replaceState(null, '', url);
  void loadMap(id, null);
}
