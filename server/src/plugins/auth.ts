import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

import { ensureInitialAdmin } from '../auth/account-commands.ts';
import { LoginThrottle, type ThrottleOptions } from '../auth/login-throttle.ts';
import { requireRole, requireViewer, type Role, type Viewer } from '../auth/roles.ts';
import { sessionViewer } from '../auth/session-viewer.ts';
import { hashToken, SESSION_COOKIE } from '../auth/tokens.ts';

declare module 'fastify' {
  interface FastifyInstance {
    loginThrottle: LoginThrottle;
    sessionCookie: SessionCookie;
    /**
     * The policy check for REST routes (io-routes): the caller's effective role in the
     * organisation, or a DomainError UNAUTHENTICATED / PASSWORD_CHANGE_REQUIRED / FORBIDDEN.
     */
    authorizeOrganisation(request: FastifyRequest, organisationId: string, needed: Role): Promise<Role>;
  }
  interface FastifyRequest {
    /** The signed-in user, or null; set from the session cookie before any handler runs. */
    viewer: Viewer | null;
    /** SHA-256 of the session token this request came with, when the session is valid. */
    sessionTokenHash: string | null;
  }
}

export interface AuthOptions {
  /** Created at start unless an account with this email exists. */
  initialAdmin?: { email: string; password: string };
  /**
   * On a store without users and without `initialAdmin`: create admin@localhost with a one-time
   * password, announce it and write it to this file (mode 0600). Off when unset (tests).
   */
  initialAdminFile?: string;
  /** How the one-time password is shown (main.ts prints it to the console). */
  announce?: (text: string) => void;
  sessionTtlHours?: number;
  isCookieSecure?: boolean;
  loginThrottle?: Partial<ThrottleOptions>;
}

/** Sets and clears the session cookie with the same attributes everywhere. */
export interface SessionCookie {
  set(reply: FastifyReply, token: string, expiresAt: Date): void;
  clear(reply: FastifyReply): void;
  ttlHours: number;
}

function oneTimeNotice(email: string, password: string, file: string | undefined): string {
  return [
    '',
    '================================================================',
    ' Kopplingskartan: first start, an administrator was created',
    `   email:    ${email}`,
    `   password: ${password}   (one-time: you must change it at sign-in)`,
    file ? `   also written to ${file} (readable by you only)` : '',
    '================================================================',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Sessions: an http-only, SameSite=Strict cookie holds a random token; the account store keeps
 * its SHA-256 with the user and expiry. Each request's cookie becomes `request.viewer`.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, options) => {
    await app.register(fastifyCookie);
    const ttlHours = options.sessionTtlHours ?? 12;
    const cookieOptions = {
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: options.isCookieSecure ?? false,
      path: '/',
    };
    app.decorate('sessionCookie', {
      ttlHours,
      set: (reply, token, expiresAt) =>
        reply.setCookie(SESSION_COOKIE, token, {
          ...cookieOptions,
          expires: expiresAt,
          maxAge: Math.floor((expiresAt.getTime() - Date.now()) / 1000),
        }),
      clear: (reply) => reply.clearCookie(SESSION_COOKIE, cookieOptions),
    } satisfies SessionCookie);
    app.decorate('loginThrottle', new LoginThrottle(options.loginThrottle));
    app.decorate('authorizeOrganisation', async (request: FastifyRequest, organisationId: string, needed: Role) => {
      const viewer = requireViewer(request.viewer);
      const membership = viewer.isAdmin ? null : await app.accounts.getRole(viewer.userId, organisationId);
      return requireRole(viewer, membership, needed, organisationId);
    });
    app.decorateRequest('viewer', null);
    app.decorateRequest('sessionTokenHash', null);

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const tokenHash = hashToken(token);
      const viewer = await sessionViewer(app.accounts, tokenHash);
      if (!viewer) return;
      request.sessionTokenHash = tokenHash;
      request.viewer = viewer;
    });

    app.addHook('onReady', async () => {
      const admin = await ensureInitialAdmin(app.accounts, options.initialAdmin, Boolean(options.initialAdminFile));
      if (admin.kind === 'configured' && admin.isCreated) {
        app.log.info({ email: admin.email }, 'created the administrator from ADMIN_EMAIL');
      }
      if (admin.kind !== 'one-time') return;
      const file = options.initialAdminFile;
      if (file) {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(
          file,
          `Kopplingskartan first administrator (one-time password; change it at first sign-in, then delete this file)\nemail: ${admin.email}\npassword: ${admin.password}\n`,
          { mode: 0o600 },
        );
        await chmod(file, 0o600);
      }
      const notice = oneTimeNotice(admin.email, admin.password, file);
      (options.announce ?? ((text: string) => app.log.warn(text)))(notice);
    });
  },
  { name: 'auth', dependencies: ['store'] },
);
