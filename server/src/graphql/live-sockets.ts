/** The part of a WebSocket this registry uses (`ws` sockets, as Mercurius hands them over). */
export interface ClosableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Close codes of the graphql-transport-ws protocol: after 4401 a client does not reconnect by
 * itself; after 4403 it may, and whatever it still may follow it follows again.
 */
const UNAUTHORIZED = { code: 4401, reason: 'Unauthorized: the session has ended' } as const;
const FORBIDDEN = { code: 4403, reason: 'Forbidden: access was withdrawn' } as const;

/**
 * The WebSockets opened with a session (live follow of presentations), so that ending the
 * session or withdrawing access closes them at once instead of at the next event.
 */
export class LiveSockets {
  private readonly owners = new Map<ClosableSocket, { userId: string; sessionTokenHash: string }>();

  add(socket: ClosableSocket, owner: { userId: string; sessionTokenHash: string }): void {
    this.owners.set(socket, owner);
    socket.once('close', () => this.owners.delete(socket));
  }

  /** Logout: the sockets of this session. */
  closeSession(sessionTokenHash: string): void {
    this.close((owner) => owner.sessionTokenHash === sessionTokenHash, UNAUTHORIZED);
  }

  /** Password change: every session of the user but the one that changed it has ended. */
  closeOtherSessions(userId: string, keptSessionTokenHash: string | null): void {
    this.close((owner) => owner.userId === userId && owner.sessionTokenHash !== keptSessionTokenHash, UNAUTHORIZED);
  }

  /** Removed from an organisation: the user's sockets, which reconnect to what they may still follow. */
  closeUser(userId: string): void {
    this.close((owner) => owner.userId === userId, FORBIDDEN);
  }

  private close(
    isClosed: (owner: { userId: string; sessionTokenHash: string }) => boolean,
    why: { code: number; reason: string },
  ): void {
    for (const [socket, owner] of this.owners) {
      if (!isClosed(owner)) continue;
      this.owners.delete(socket);
      socket.close(why.code, why.reason);
    }
  }
}
