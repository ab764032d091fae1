import { request } from '../../api/client.ts';
import {
  AcceptInvitationDocument,
  type InvitationPreviewQuery,
  InvitationPreviewDocument,
  LoginDocument,
  SetInvitationPasswordDocument,
} from '../../api/generated/graphql.ts';

export type InvitationPreview = NonNullable<InvitationPreviewQuery['invitation']>;

/** What the invitation is (for whoever holds the link); null for an unknown token. */
export async function describeInvitation(token: string): Promise<InvitationPreview | null> {
  return (await request(InvitationPreviewDocument, { token })).invitation;
}

/** Signed in as the invited address: take the invitation's role. Returns the organisation's id. */
export async function acceptInvitation(token: string): Promise<string> {
  return (await request(AcceptInvitationDocument, { token })).acceptInvitation.organisationId;
}

/**
 * Signed out: give the invited address a password when it has no account yet (the server
 * answers the same either way and never signs in by itself), sign in with the normal login,
 * then accept. A wrong password for an existing account is refused by the login.
 */
export async function acceptSignedOut(
  token: string,
  input: { email: string; password: string; displayName: string | null },
): Promise<string> {
  await request(SetInvitationPasswordDocument, { token, password: input.password, displayName: input.displayName });
  await request(LoginDocument, { email: input.email, password: input.password });
  return acceptInvitation(token);
}
