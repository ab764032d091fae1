import { create } from 'zustand';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError } from '../../api/error-text.ts';
import { type MeQuery, LogoutDocument, MeDocument } from '../../api/generated/graphql.ts';

export type Me = NonNullable<MeQuery['me']>;

/** Who is signed in: `ready` with null means signed out (the sign-in form shows). */
export const sessionStore = create<{ status: RequestStatus<Me | null> }>(() => ({ status: { type: 'idle' } }));
export const useSession = sessionStore;

export async function loadSession(): Promise<void> {
  sessionStore.setState({ status: { type: 'loading' } });
  try {
    const { me } = await request(MeDocument, {});
    sessionStore.setState({ status: { type: 'ready', data: me } });
  } catch (error) {
    sessionStore.setState({ status: { type: 'error', error: asApiError(error) } });
  }
}

export async function signOut(): Promise<void> {
  await request(LogoutDocument, {});
  window.location.reload(); // drops every store with the previous user's data
}
