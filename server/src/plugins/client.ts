import { existsSync } from 'node:fs';
import { join } from 'node:path';

import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

const PLACEHOLDER = `<!doctype html><html lang="sv"><meta charset="utf-8"><title>Kopplingskartan</title>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>Kopplingskartan</h1><p>The client has not been built yet: run <code>npm run build -w client</code>.
The API is at <a href="/graphiql">/graphiql</a>.</p></body></html>`;

/** Serves the built client at / (with a fallback to index.html for client routes). */
export const clientPlugin = fp<{ clientDir: string }>(
  async (app, { clientDir }) => {
    if (!existsSync(join(clientDir, 'index.html'))) {
      app.get('/', async (_request, reply) => reply.type('text/html').send(PLACEHOLDER));
      return;
    }
    await app.register(fastifyStatic, { root: clientDir, wildcard: false });
    app.setNotFoundHandler(async (request, reply) => {
      const isPageRequest = request.method === 'GET' && request.headers.accept?.includes('text/html');
      return isPageRequest
        ? reply.sendFile('index.html')
        : reply.code(404).send({ error: 'Not Found', path: request.url });
    });
  },
  { name: 'client' },
);
