/**
 * CPU per signature login, measured in one process (`npx tsx bench/signature-login.cpu.ts`; add
 * `node --cpu-prof` through NODE_OPTIONS to profile). On a shared machine wall-clock throughput says little;
 * process.cpuUsage around a run of logins injected into the real portal (no sockets, so HTTP parsing is not
 * counted) says what one login costs the portal. PGlite by default (the database's CPU is counted: it runs in
 * this process); DATABASE_URL for PostgreSQL (its backends' CPU is not). Logins go in waves of 64, as the
 * bench's 64 connections would.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { prepareSignatureLogin } from './signature-login';

const WAVE = 64;

async function main() {
  const { openDatabase, runMigrations } = await import('../apps/portal/src/db/client');
  const { buildApp } = await import('../apps/portal/src/server/app');
  const { loadConfig } = await import('../apps/portal/src/server/config');
  const database = process.env.DATABASE_URL
    ? await (await import('../apps/portal/src/test/db')).createTestDatabase()
    : await openDatabase({ dataDir: 'memory://' });
  if (!process.env.DATABASE_URL) await runMigrations(database);
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO: '1',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const { app, ctx } = await buildApp({ config, database, logger: false });
  await app.ready();
  const { bodies } = await prepareSignatureLogin(ctx);
  const csrf = (await app.inject({ method: 'GET', url: '/api/v1/csrf' })).json().token as string;
  const login = async (body: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/signature',
      headers: { 'content-type': 'application/json', cookie: `csrf_token=${csrf}`, 'x-csrf-token': csrf },
      payload: body,
    });
    if (res.statusCode !== 200) throw new Error(`login ${res.statusCode}: ${res.body}`);
  };
  // The first quarter warms the JIT; the rest is measured.
  const warm = Math.floor(bodies.length / 4);
  for (let i = 0; i < warm; i += WAVE)
    await Promise.all(bodies.slice(i, Math.min(i + WAVE, warm)).map(login));
  const measured = bodies.slice(warm);
  // BENCH_CPU_PROFILE=file.cpuprofile: a V8 CPU profile of the measured logins only (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE;
  const inspector = profile ? new Session() : null;
  if (inspector) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < measured.length; i += WAVE) await Promise.all(measured.slice(i, i + WAVE).map(login));
  const cpu = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  if (inspector && profile) {
    const { profile: result } = await inspector.post('Profiler.stop');
    writeFileSync(profile, JSON.stringify(result));
    inspector.disconnect();
  }
  const perLogin = (cpu.user + cpu.system) / 1000 / measured.length;
  console.log(
    `${database.kind}: ${measured.length} logins, ${perLogin.toFixed(3)} ms CPU per login ` +
      `(user ${(cpu.user / 1000 / measured.length).toFixed(3)}, system ${(cpu.system / 1000 / measured.length).toFixed(3)}), ` +
      `${(wall / measured.length).toFixed(3)} ms wall per login; load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')}`,
  );
  await app.close();
  await database.close();
}

await main();
