import { create } from 'zustand';

/** How a new organisation starts: an empty map with a chain, a file, or the template's example. */
export type NewOrganisationSource = 'empty' | 'file' | 'template';

/** The "New organisation" dialog while open (from the organisation menu or the empty state). */
export const newOrganisationStore = create<{ source: NewOrganisationSource | null }>(() => ({ source: null }));
export const newOrganisationActions = {
  open: (source: NewOrganisationSource = 'empty') => newOrganisationStore.setState({ source }),
  close: () => newOrganisationStore.setState({ source: null }),
};
