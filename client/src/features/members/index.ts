/** The members feature's public surface: the members page and invitation links. */
export { tokenFromHash } from './invitation-link.ts';
export { MembersPage } from './MembersPage.tsx';
