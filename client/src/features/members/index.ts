/** The members feature's public surface: the members page and the page an invitation link opens. */
export { AcceptInvitation, isInvitationPath } from './AcceptInvitation.tsx';
export { MembersPage } from './MembersPage.tsx';
