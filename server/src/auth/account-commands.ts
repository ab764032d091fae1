import { DomainError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { AccountStore, Invitation, User } from '../store/account-store.ts';
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
  const wait = throttle.attempt(input.address, email);
  if (wait !== null) {
    throw new DomainError('TOO_MANY_REQUESTS', `Too many sign-in attempts; try again in ${wait} s.`, {
      retryAfterSeconds: wait,
    });
  }
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
 * (someone who knew the old password may hold one).
 */
export async function changePassword(
  accounts: AccountStore,
  input: { userId: string; sessionTokenHash: string | null; currentPassword: string; newPassword: string },
): Promise<User> {
  const user = await accounts.getUser(input.userId);
  const credentials = user ? await accounts.findCredentials(user.email) : null;
  if (!user || !credentials || !(await verifyPassword(input.currentPassword, credentials.passwordHash))) {
    throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong.', { field: 'currentPassword' });
  }
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

/**
 * Accepts an invitation: a new address gets an account with the given password; an existing
 * account must give its own password (so an invitation cannot be used to take it over). Signs in.
 * @throws DomainError INVITATION_INVALID, INVALID_CREDENTIALS.
 */
export async function acceptInvitation(
  accounts: AccountStore,
  input: { token: string; password: string; displayName?: string | null; ttlHours: number },
): Promise<NewSession & { organisationId: string }> {
  const now = new Date();
  const invitation = await accounts.findInvitation(hashToken(input.token));
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now.toISOString()) {
    throw new DomainError('INVITATION_INVALID', 'The invitation is unknown, already used or expired.');
  }
  const existing = await accounts.findCredentials(invitation.email);
  if (existing && !(await verifyPassword(input.password, existing.passwordHash))) {
    throw new DomainError('INVALID_CREDENTIALS', 'This address has an account: give its password.', {
      field: 'password',
    });
  }
  if (!existing) checkPasswordStrength(input.password);
  if (!(await accounts.acceptInvitation(invitation.tokenHash, now.toISOString()))) {
    throw new DomainError('INVITATION_INVALID', 'The invitation has already been used.');
  }
  const user =
    existing?.user ??
    (await createUser(accounts, { email: invitation.email, password: input.password, displayName: input.displayName }));
  const held = await accounts.getRole(user.id, invitation.organisationId);
  // An invitation never lowers a role someone already has.
  if (!hasRole(held, invitation.role)) {
    await accounts.setMembership({ organisationId: invitation.organisationId, userId: user.id, role: invitation.role });
  }
  return { ...(await startSession(accounts, user, input.ttlHours, now)), organisationId: invitation.organisationId };
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
