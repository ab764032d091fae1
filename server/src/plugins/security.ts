import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  /** Browser origins allowed to call the API with credentials; empty keeps CORS closed. */
  corsOrigins: string[];
  /** Requests per minute per signed-in user, or per address when signed out. */
  rateLimitPerMinute: number;
}

/**
 * The client is a Vite-built SPA from this origin: its own scripts only, inline styles
 * (Cytoscape and React set style attributes), canvas images as data: and blob: URLs, and
 * GraphQL over fetch and WebSocket to this origin.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * GraphiQL (development only) is a page of mercurius that loads React and GraphiQL from unpkg
 * and runs an inline bootstrap; it gets its own, wider policy.
 */
const GRAPHIQL_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' https://unpkg.com",
  "style-src 'self' 'unsafe-inline' https://unpkg.com",
  "img-src 'self' data: blob: https://unpkg.com",
  "font-src 'self' data: https://unpkg.com",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers, CORS (closed unless origins are configured) and the API rate limit. */
export const securityPlugin = fp<SecurityOptions>(
  async (app, options) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      // The SPA loads nothing cross-origin; these defaults of helmet would only get in the way of GraphiQL.
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/graphiql')) reply.header('content-security-policy', GRAPHIQL_POLICY);
    });
    if (options.corsOrigins.length > 0) {
      await app.register(fastifyCors, {
        origin: options.corsOrigins,
        credentials: true,
        methods: ['GET', 'POST', 'OPTIONS'],
      });
    }
    await app.register(fastifyRateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      // After the session is read (onRequest), so a signed-in user has their own budget and
      // random cookies do not buy an attacker fresh ones.
      hook: 'preHandler',
      keyGenerator: (request) => (request.viewer ? `user:${request.viewer.userId}` : `address:${request.ip}`),
      errorResponseBuilder: (_request, context) => ({
        statusCode: context.statusCode,
        code: 'TOO_MANY_REQUESTS',
        error: 'Too Many Requests',
        message: `Rate limit exceeded; retry in ${context.after}.`,
      }),
    });
  },
  { name: 'security', dependencies: ['auth'] },
);
