import fp from 'fastify-plugin';

/** `/healthz`: the store in use and whether it answers (503 when it does not). */
export const healthPlugin = fp(
  async (app) => {
    app.get('/healthz', async (_request, reply) => {
      try {
        const health = await app.store.health();
        return reply
          .code(health.ready ? 200 : 503)
          .send({ status: health.ready ? 'ok' : 'unavailable', store: health.kind, ready: health.ready });
      } catch (error) {
        app.log.error({ err: error }, 'health check failed');
        return reply.code(503).send({ status: 'unavailable', store: app.store.kind, ready: false });
      }
    });
  },
  { name: 'health', dependencies: ['store'] },
);
