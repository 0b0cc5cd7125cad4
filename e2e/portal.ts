import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

const root = path.resolve(import.meta.dirname, '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Builds the web app unless CI already did (E2E_SKIP_BUILD=1). */
export function buildWeb() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const res = spawnSync('npm', ['run', 'build', '-w', 'apps/portal'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('web build failed');
}

export interface RunningPortal {
  url: string;
  /** The DEMO signer of this portal (its own free port, so a running NCALayer or another portal cannot clash). */
  signerUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Resolves once the signer at `url` greets like NCALayer ({"result":{"version":…}}), else rejects. */
function signerGreets(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const done = (error?: Error) => {
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();
      if (error) reject(error);
      else resolve();
    };
    socket.once('message', (data) => {
      const version = JSON.parse(String(data))?.result?.version;
      done(typeof version === 'string' ? undefined : new Error(`unexpected greeting ${data}`));
    });
    socket.once('error', (error) => done(error));
  });
}

/**
 * Starts the real portal (production web build, DEMO on) on a free port with a fresh embedded database, and
 * waits until its built-in signer (on a free port of its own, SIGNER_PORT) answers.
 */
export async function startPortal(env: Record<string, string> = {}): Promise<RunningPortal> {
  const port = await freePort();
  const signerPort = env.SIGNER_PORT ?? String(await freePort());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tereze-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/portal/src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DEMO: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SIGNER_PORT: signerPort,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error('portal did not become healthy in 180 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  // The signer starts after the HTTP server (the first start issues the demo keys): wait for its greeting.
  const signerUrl = signerPort === 'off' ? '' : `ws://127.0.0.1:${signerPort}/`;
  while (signerUrl) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}`);
    try {
      await signerGreets(signerUrl);
      break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`the built-in signer did not answer at ${signerUrl} in 180 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const advertised = ((await (await fetch(`${url}/api/v1/config/public`)).json()) as { signerUrl?: string })
    .signerUrl;
  if (signerUrl && advertised !== signerUrl)
    throw new Error(`the portal advertises ${advertised}, its signer is ${signerUrl}`);
  return {
    url,
    signerUrl,
    process: child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
