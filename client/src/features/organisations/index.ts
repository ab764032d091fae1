/** The organisations feature's public surface: the list, the new-organisation dialog, the settings page. */
export { newOrganisationActions } from './new-organisation-store.ts';
export { NewOrganisationHost } from './NewOrganisationDialog.tsx';
export { OrganisationPage } from './OrganisationPage.tsx';
export { loadOrganisations, openOrganisation, type OrganisationList, useOrganisations } from './organisations-store.ts';
