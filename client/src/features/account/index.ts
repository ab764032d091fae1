/** The account feature's public surface: signing in, the session, one's account and all users. */
export { AccountPage } from './AccountPage.tsx';
export { loadSession, signOut, useSession } from './session-store.ts';
export { SignIn } from './SignIn.tsx';
export { UsersPage } from './UsersPage.tsx';
