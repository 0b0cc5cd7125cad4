import path from 'node:path';
import { openDatabase, runMigrations } from '../db/client';
import { seedDemoStaff } from '../modules/identity/demo-accounts';
import {
  createSmtpTransport,
  devOutboxEmailTransport,
  devOutboxSmsProvider,
} from '../modules/notifications/transports';
import { createOutboxWorker } from '../modules/notifications/worker';
import { demoSignerPort, startDemoPki } from '../modules/pki/demo';
import { loadDemoRegistryData } from '../modules/registry/embedded';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';

/** `npm start`: configuration → database (migrated) → HTTP server → outbox worker. */
async function main() {
  const startedAt = performance.now();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }

  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: path.resolve(config.DATA_DIR, 'pglite'),
  });
  await runMigrations(database);
  const web = process.env.WEB_MODE === 'off' ? 'off' : config.NODE_ENV === 'production' ? 'dist' : 'vite';
  const { app, ctx, metrics } = await buildApp({ config, database, web });

  const email = config.SMTP_URL
    ? createSmtpTransport(config.SMTP_URL, config.MAIL_FROM)
    : devOutboxEmailTransport;
  const worker = createOutboxWorker({
    db: database.db,
    email,
    sms: devOutboxSmsProvider,
    pollMs: config.OUTBOX_POLL_MS,
    onDelivered: (m) => metrics.outbox.inc({ channel: m.channel, result: 'sent' }),
    onError: (m, err) => {
      metrics.outbox.inc({ channel: m.channel ?? 'unknown', result: 'error' });
      app.log.warn({ err, outboxId: m.id }, 'outbox delivery failed');
    },
  });

  // DEMO: the state-registry stand-in holds the demo people and companies (idempotent upsert, ~50 rows).
  if (config.DEMO) await loadDemoRegistryData(database.db);
  // DEMO: the administrator and moderator accounts of README's walkthrough (created once, then left alone).
  if (config.DEMO) await seedDemoStaff(ctx);
  await app.listen({ port: config.PORT, host: config.HOST });
  worker.start();
  // Stored-file blobs no row refers to (a rolled-back upload, a removal inside a transaction): swept every 6 hours.
  const fileSweep = setInterval(() => {
    ctx.files
      .sweepUnreferenced()
      .then((removed) => removed > 0 && app.log.info({ removed }, 'unreferenced file blobs removed'))
      .catch((err) => app.log.warn({ err }, 'file sweep failed'));
  }, 6 * 3_600_000);
  fileSweep.unref();
  if (config.DEMO) {
    // After listening: the first start issues the demo keys (RSA key generation), which need not delay the page.
    ctx.demoPki = await startDemoPki({
      dataDir: path.resolve(config.DATA_DIR),
      pkiBaseUrl: `${config.PUBLIC_URL}/pki`,
      signerPort: demoSignerPort(),
      allowedOrigins: [new URL(config.PUBLIC_URL).origin],
      onWarning: (message) => app.log.warn(message),
    });
    app.log.info(
      { keystores: ctx.demoPki.keystoreDir, signer: ctx.demoPki.signer?.url },
      'demo CA and signer ready',
    );
  }
  app.log.info(
    {
      url: config.PUBLIC_URL,
      database: database.kind,
      demo: config.DEMO,
      web,
      startupMs: Math.round(performance.now() - startedAt),
    },
    'tereze is ready',
  );

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(fileSweep);
    await worker.stop();
    await ctx.demoPki?.close();
    await app.close();
    email.close?.();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  process.stderr.write(`tereze failed to start: ${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
