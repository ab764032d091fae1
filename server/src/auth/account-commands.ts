import { DomainError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { AccountStore, Invitation, Membership, User } from '../store/account-store.ts';
import { normaliseEmail } from './email.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { checkPasswordStrength, decoyHash, hashPassword, oneTimePassword, verifyPassword } from './password.ts';
import { hasRole, type Role } from './roles.ts';
import { hashToken, newToken } from './tokens.ts';

/**
 * What accounts can do, on the AccountStore interface. Permission checks (who may call these)
 * are the resolvers' job through roles.ts; these functions enforce the rules of accounts
 * themselves (password strength, one owner at least, invitations used once).
 */

export interface NewSession {
  user: User;
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

async function startSession(accounts: AccountStore, user: User, ttlHours: number, now: Date): Promise<NewSession> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await accounts.createSession({
    tokenHash: hashToken(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { user, token, expiresAt };
}

/** @throws DomainError TOO_MANY_REQUESTS (with `retryAfterSeconds`) over the throttle's limits. */
function passThrottle(throttle: LoginThrottle, address: string, email: string): void {
  const wait = throttle.attempt(address, email);
  if (wait !== null) {
    throw new DomainError('TOO_MANY_REQUESTS', `Too many attempts; try again in ${wait} s.`, {
      retryAfterSeconds: wait,
    });
  }
}

/**
 * @throws DomainError TOO_MANY_REQUESTS (with `retryAfterSeconds`) over the throttle's limits,
 *   INVALID_CREDENTIALS for an unknown email or a wrong password (the same answer, in about the same time).
 */
export async function login(
  accounts: AccountStore,
  throttle: LoginThrottle,
  input: { email: string; password: string; address: string; ttlHours: number; now?: Date },
): Promise<NewSession> {
  const email = input.email.trim().toLowerCase();
  passThrottle(throttle, input.address, email);
  const found = await accounts.findCredentials(email);
  const isValid = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash()));
  if (!found || !isValid) {
    throttle.failed(email);
    throw new DomainError('INVALID_CREDENTIALS', 'The email or password is wrong.');
  }
  throttle.succeeded(email);
  return startSession(accounts, found.user, input.ttlHours, input.now ?? new Date());
}

/**
 * Sets a new password after checking the current one, and ends the user's other sessions
 * (someone who knew the old password may hold one). The check of the current password passes
 * the login throttle, per address and per account, so a session cannot be used to guess it.
 * @throws DomainError TOO_MANY_REQUESTS, INVALID_CREDENTIALS, BAD_USER_INPUT.
 */
export async function changePassword(
  accounts: AccountStore,
  throttle: LoginThrottle,
  input: {
    userId: string;
    sessionTokenHash: string | null;
    currentPassword: string;
    newPassword: string;
    address: string;
  },
): Promise<User> {
  const user = await accounts.getUser(input.userId);
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  passThrottle(throttle, input.address, user.email);
  const credentials = await accounts.findCredentials(user.email);
  if (!credentials || !(await verifyPassword(input.currentPassword, credentials.passwordHash))) {
    throttle.failed(user.email);
    throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong.', { field: 'currentPassword' });
  }
  throttle.succeeded(user.email);
  checkPasswordStrength(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new DomainError('BAD_USER_INPUT', 'newPassword: must differ from the current password', {
      field: 'newPassword',
      reason: 'INVALID',
    });
  }
  await accounts.setPassword(user.id, await hashPassword(input.newPassword), false);
  await accounts.deleteSessionsOf(user.id, input.sessionTokenHash ?? undefined);
  return { ...user, mustChangePassword: false };
}

export async function createUser(
  accounts: AccountStore,
  input: {
    email: string;
    password: string;
    displayName?: string | null;
    isAdmin?: boolean | null;
    mustChangePassword?: boolean | null;
  },
): Promise<User> {
  const email = normaliseEmail(input.email);
  checkPasswordStrength(input.password);
  return accounts.createUser({
    id: newId('user'),
    email,
    displayName: input.displayName?.trim() || null,
    isAdmin: input.isAdmin ?? false,
    mustChangePassword: input.mustChangePassword ?? false,
    createdAt: new Date().toISOString(),
    passwordHash: await hashPassword(input.password),
  });
}

/** An invitation to one organisation with one role; the token is returned once, to hand to the invitee. */
export async function invite(
  accounts: AccountStore,
  input: { organisationId: string; email: string; role: Role; invitedBy: string; ttlHours?: number },
): Promise<{ token: string; invitation: Invitation }> {
  const token = newToken();
  const now = new Date();
  const invitation: Invitation = {
    tokenHash: hashToken(token),
    email: normaliseEmail(input.email),
    organisationId: input.organisationId,
    role: input.role,
    invitedBy: input.invitedBy,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + (input.ttlHours ?? 7 * 24) * 3_600_000).toISOString(),
    acceptedAt: null,
  };
  await accounts.createInvitation(invitation);
  return { token, invitation };
}

export type InvitationState = 'VALID' | 'EXPIRED' | 'USED';

export function invitationState(invitation: Pick<Invitation, 'acceptedAt' | 'expiresAt'>, now: Date): InvitationState {
  if (invitation.acceptedAt) return 'USED';
  return invitation.expiresAt <= now.toISOString() ? 'EXPIRED' : 'VALID';
}

function invalidInvitation(state: InvitationState | 'UNKNOWN'): DomainError {
  return new DomainError('INVITATION_INVALID', `The invitation is not valid (${state.toLowerCase()}).`, { state });
}

/**
 * The invitation a token opens, for whoever holds the token (the page its link opens): the
 * invited address, organisation and role, and whether it can still be accepted. It says nothing
 * about whether the address has an account.
 */
export async function findInvitation(
  accounts: AccountStore,
  token: string,
  now = new Date(),
): Promise<{ invitation: Invitation; state: InvitationState } | null> {
  const invitation = token ? await accounts.findInvitation(hashToken(token)) : null;
  return invitation && { invitation, state: invitationState(invitation, now) };
}

/**
 * Signed out, with an invitation: gives the invited address an account with this password when
 * it has none yet. It never signs in, and its answer (and the time it takes: one password hash
 * either way) is the same whether or not the address had an account, so it can neither be used
 * to guess an account's password nor to learn which addresses have one. An existing account's
 * password is neither checked nor changed. The invitation stays open: the invitee signs in with
 * `login`, then accepts it. Passes the login throttle (per address), as it costs a password hash.
 * @throws DomainError INVITATION_INVALID, BAD_USER_INPUT (password strength), TOO_MANY_REQUESTS.
 */
export async function setInvitationPassword(
  accounts: AccountStore,
  throttle: LoginThrottle,
  input: { token: string; password: string; displayName?: string | null; address: string },
): Promise<void> {
  const found = await findInvitation(accounts, input.token);
  if (!found) throw invalidInvitation('UNKNOWN');
  if (found.state !== 'VALID') throw invalidInvitation(found.state);
  const { email } = found.invitation;
  passThrottle(throttle, input.address, email);
  checkPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  if (await accounts.findCredentials(email)) return;
  try {
    await accounts.createUser({
      id: newId('user'),
      email,
      displayName: input.displayName?.trim() || null,
      isAdmin: false,
      mustChangePassword: false,
      createdAt: new Date().toISOString(),
      passwordHash,
    });
  } catch (error) {
    // The same address set up at the same moment by another request: it has an account now.
    if (!(error instanceof DomainError) || error.code !== 'DUPLICATE') throw error;
  }
}

/**
 * Signed in: accepts an invitation made out to the signed-in user's email, giving its role in
 * the organisation (never lowering a role already held). Accepting again, or twice at once, is
 * harmless: the membership is granted once and the same answer comes back.
 * @throws DomainError INVITATION_INVALID (unknown, expired, or used and no longer held),
 *   INVITATION_FOR_ANOTHER_EMAIL when the session belongs to another address.
 */
export async function acceptInvitation(
  accounts: AccountStore,
  input: { token: string; userId: string; email: string },
): Promise<Membership> {
  const now = new Date();
  const found = await findInvitation(accounts, input.token, now);
  if (!found) throw invalidInvitation('UNKNOWN');
  const { invitation, state } = found;
  if (invitation.email !== input.email) {
    throw new DomainError(
      'INVITATION_FOR_ANOTHER_EMAIL',
      `This invitation is for ${invitation.email}: sign in with that address to accept it.`,
      { email: invitation.email },
    );
  }
  const held = await accounts.getRole(input.userId, invitation.organisationId);
  const membership = { organisationId: invitation.organisationId, userId: input.userId };
  if (state === 'USED') {
    // Only this address could have used it: an answer again, but no role back after a removal.
    if (!held) throw invalidInvitation(state);
    return { ...membership, role: held };
  }
  if (state === 'EXPIRED') throw invalidInvitation(state);
  // Granted before the invitation is marked used: a crash in between leaves it open, and a
  // second accept (at once, or later) finds the role held and only marks it.
  const role = hasRole(held, invitation.role) ? held! : invitation.role;
  if (role !== held) await accounts.setMembership({ ...membership, role });
  await accounts.acceptInvitation(invitation.tokenHash, now.toISOString());
  return { ...membership, role };
}

async function ownerCount(accounts: AccountStore, organisationId: string): Promise<number> {
  return (await accounts.listMembers(organisationId)).filter((member) => member.role === 'OWNER').length;
}

function lastOwner(organisationId: string): DomainError {
  return new DomainError('LAST_OWNER', 'The organisation would have no owner left.', {
    id: organisationId,
    kind: 'organisation',
  });
}

/** Gives an existing user a role in the organisation. @throws NOT_FOUND (no such user), LAST_OWNER. */
export async function setMember(
  accounts: AccountStore,
  input: { organisationId: string; email: string; role: Role },
): Promise<{ user: User; role: Role }> {
  const found = await accounts.findCredentials(normaliseEmail(input.email));
  if (!found) throw new DomainError('NOT_FOUND', `No user with email "${input.email}".`, { kind: 'user' });
  const held = await accounts.getRole(found.user.id, input.organisationId);
  if (held === 'OWNER' && input.role !== 'OWNER' && (await ownerCount(accounts, input.organisationId)) <= 1) {
    throw lastOwner(input.organisationId);
  }
  await accounts.setMembership({ organisationId: input.organisationId, userId: found.user.id, role: input.role });
  return { user: found.user, role: input.role };
}

export async function removeMember(
  accounts: AccountStore,
  input: { organisationId: string; userId: string },
): Promise<boolean> {
  const held = await accounts.getRole(input.userId, input.organisationId);
  if (held === 'OWNER' && (await ownerCount(accounts, input.organisationId)) <= 1)
    throw lastOwner(input.organisationId);
  return accounts.removeMembership(input.organisationId, input.userId);
}

export type InitialAdmin =
  | { kind: 'configured'; email: string; isCreated: boolean }
  | { kind: 'one-time'; email: string; password: string }
  | { kind: 'none' };

export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

/**
 * The first administrator: from configuration when given (created once; an existing account is
 * left as it is, so a changed password is not reset at every start), else, on a store without
 * users, `admin@localhost` with a one-time password that must be changed at first sign-in.
 */
export async function ensureInitialAdmin(
  accounts: AccountStore,
  configured: { email: string; password: string } | undefined,
  isOneTimeAllowed: boolean,
): Promise<InitialAdmin> {
  if (configured) {
    const email = normaliseEmail(configured.email, 'ADMIN_EMAIL');
    if (await accounts.findCredentials(email)) return { kind: 'configured', email, isCreated: false };
    await createUser(accounts, { email, password: configured.password, isAdmin: true });
    return { kind: 'configured', email, isCreated: true };
  }
  if (!isOneTimeAllowed || (await accounts.countUsers()) > 0) return { kind: 'none' };
  const password = oneTimePassword();
  await createUser(accounts, { email: DEFAULT_ADMIN_EMAIL, password, isAdmin: true, mustChangePassword: true });
  return { kind: 'one-time', email: DEFAULT_ADMIN_EMAIL, password };
}
