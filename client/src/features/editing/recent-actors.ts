import { create } from 'zustand';

const KEEP = 8;

/**
 * Actors this person just created or used in a link, newest first, per organisation for this
 * session: the link form offers them first, since building a map links the same few in turn.
 */
export const recentActorsStore = create<{ organisationId: string | null; ids: string[] }>(() => ({
  organisationId: null,
  ids: [],
}));

export function rememberActors(organisationId: string, ids: readonly string[]): void {
  recentActorsStore.setState((s) => {
    const previous = s.organisationId === organisationId ? s.ids : [];
    return { organisationId, ids: [...new Set([...ids, ...previous])].slice(0, KEEP) };
  });
}

export function recentActorIds(organisationId: string): string[] {
  const { organisationId: forId, ids } = recentActorsStore.getState();
  return forId === organisationId ? ids : [];
}
