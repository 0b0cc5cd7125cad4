import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Keystore, openKeystore, type P12Loader } from './keystore';
import { createSession, type ProtocolOptions, type XmlSigner } from './protocol';
import { GREETING } from './shapes';
import { loadOrCreateTls, type TlsMaterial } from './tls';
import type { KeyRule, SignerKey } from './types';

export interface StartSignerOptions {
  /** Folder of .p12 files (+ passwords.json); also where the TLS certificate is kept. */
  keystoreDir?: string;
  /** Keys already loaded (instead of, or in addition to, keystoreDir). */
  keys?: SignerKey[];
  /** Password for files not named in passwords.json. */
  password?: string;
  /** File name → password; wins over passwords.json. */
  passwords?: Record<string, string>;
  /** 13579 (NCALayer's port) by default; 0 = any free port. */
  port?: number;
  host?: string;
  /** 'self-signed' (default) = wss with a certificate made on first run; false = plain ws (tests). */
  tls?: 'self-signed' | false | TlsMaterial;
  /** Where the self-signed certificate is stored when there is no keystoreDir. */
  tlsDir?: string;
  rule?: KeyRule;
  /** PEM CA certificates standing for NCALayer's production trust (requests without signerParams.chain). */
  ncaRoots?: string[];
  /**
   * Web origins allowed to connect, besides pages served from localhost / 127.0.0.1 / [::1] (any port),
   * which are always allowed. `['*']` = any origin. Clients that send no Origin (not a browser) may connect.
   */
  allowedOrigins?: string[];
  loader?: P12Loader;
  signXml?: XmlSigner;
  onRequest?: ProtocolOptions['onRequest'];
}

export interface RunningSigner {
  url: string;
  port: number;
  keystore: Keystore;
  /** Same as keystore.setRule: how the unattended "user" answers the next requests. */
  setRule(rule: KeyRule): void;
  close(): Promise<void>;
}

function landingPage(_req: IncomingMessage, res: ServerResponse): void {
  // Opening https://127.0.0.1:13579/ once lets a browser accept the self-signed certificate.
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(
    'tereze signer: NCALayer-compatible WebSocket service. The certificate is accepted; return to the portal.\n',
  );
}

export async function startSigner(options: StartSignerOptions): Promise<RunningSigner> {
  const keystore = await openKeystore({
    dir: options.keystoreDir,
    keys: options.keys,
    password: options.password,
    passwords: options.passwords,
    rule: options.rule,
    loader: options.loader ?? (await defaultLoader()),
  });
  const ncaRoots = (options.ncaRoots ?? []).map((pem) => new X509Certificate(pem));
  const host = options.host ?? '127.0.0.1';
  const tlsOption = options.tls ?? 'self-signed';
  const tls =
    tlsOption === false
      ? null
      : tlsOption === 'self-signed'
        ? await loadOrCreateTls(options.keystoreDir ?? options.tlsDir)
        : tlsOption;
  const server = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert }, landingPage)
    : createHttpServer(landingPage);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 13579, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // the WebSocket server attaches only once the port is ours (ws re-emits listen errors otherwise)
  // Unlike NCALayer nobody confirms a signature here, so a random website must not reach the keys.
  const wss = new WebSocketServer({
    server,
    maxPayload: 64 * 1024 * 1024,
    verifyClient: ({ origin }: { origin?: string }) => originAllowed(origin, options.allowedOrigins ?? []),
  });
  wss.on('error', () => undefined);

  wss.on('connection', (socket: WebSocket) => {
    const session = createSession({
      keystore,
      ncaRoots,
      signXml: options.signXml,
      onRequest: options.onRequest,
    });
    // answers go out in request order, as NCALayer handles one request at a time
    let queue = Promise.resolve();
    socket.send(JSON.stringify(GREETING));
    socket.on('message', (data, isBinary) => {
      const frame = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
      queue = queue
        .then(() => session.handle(frame))
        .then((answer) => {
          if (socket.readyState === socket.OPEN) socket.send(answer);
        })
        .catch(() => undefined);
    });
    socket.on('error', () => undefined);
  });

  const port = (server.address() as AddressInfo).port;
  const url = `${tls ? 'wss' : 'ws'}://${host}:${port}/`;

  return {
    url,
    port,
    keystore,
    setRule: (rule) => keystore.setRule(rule),
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a browser page from `origin` may use the signer (see StartSignerOptions.allowedOrigins). */
export function originAllowed(origin: string | undefined, allowed: string[]): boolean {
  if (!origin) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

async function defaultLoader(): Promise<P12Loader> {
  const { loadP12 } = await import('./p12');
  return loadP12;
}
