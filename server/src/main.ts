import { buildApp } from './app.ts';
import { readConfig } from './config/config.ts';

const config = readConfig();
const app = await buildApp({
  store: config.store,
  logger: { level: config.logLevel },
  seedDir: config.isSeedOnEmpty ? config.seedDir : null,
  clientDir: config.clientDir,
  isGraphiqlEnabled: config.hardening.isGraphiqlEnabled,
  isIntrospectionEnabled: config.hardening.isIntrospectionEnabled,
  corsOrigins: config.hardening.corsOrigins,
  rateLimitPerMinute: config.hardening.rateLimitPerMinute,
  bodyLimitBytes: config.hardening.bodyLimitBytes,
  isProxyTrusted: config.hardening.isProxyTrusted,
  importLimits: config.importLimits,
  analysis: config.analysis,
  reportMaxActors: config.reportMaxActors,
  rounds: config.rounds,
  mapReadCache: config.mapReadCache,
  auth: {
    ...(config.auth.initialAdmin ? { initialAdmin: config.auth.initialAdmin } : {}),
    ...(config.auth.initialAdminFile ? { initialAdminFile: config.auth.initialAdminFile } : {}),
    // On the console, not only in the JSON log, so a newcomer sees it.
    announce: (text) => console.log(text),
    sessionTtlHours: config.auth.sessionTtlHours,
    isCookieSecure: config.auth.isCookieSecure,
    loginThrottle: config.auth.loginThrottle,
  },
}).catch((error: unknown) => {
  console.error(`Kopplingskartan could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

let isClosing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'closing');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'close failed');
        process.exit(1);
      },
    );
  });
}

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `Kopplingskartan: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/ (GraphiQL at /graphiql)`,
);
