import type { AccountStore } from '../store/account-store.ts';
import type { Viewer } from './roles.ts';

/** The signed-in person a session token stands for now, or null when it ended or expired. */
export async function sessionViewer(
  accounts: AccountStore,
  tokenHash: string,
  now = new Date(),
): Promise<Viewer | null> {
  const found = await accounts.findSession(tokenHash, now.toISOString());
  if (!found) return null;
  const { user } = found;
  return { userId: user.id, email: user.email, isAdmin: user.isAdmin, mustChangePassword: user.mustChangePassword };
}
