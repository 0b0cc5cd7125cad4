import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type IssueOptions, TestCA } from '@tereze/pki/test-ca';
import { type RunningSigner, startSigner } from '@tereze/signer';
import { DEMO_REGISTRY_BINS, DEMO_REGISTRY_IINS, DEMO_REGISTRY_PERSONS } from '../registry/demo-data';
import { DEMO_KEY_PASSWORD, DEMO_PEOPLE } from './demo-people';

/**
 * Whose keys the demo signer holds: the demo people, and the first head of the registry's certification body
 * ТОО «Демо ОПС», so a certification body can register in the demo too. (The head is a registry person made by
 * the registry's generator, hence listed here rather than in DEMO_PEOPLE, which the registry builds on.)
 */
export const DEMO_SIGNER_PEOPLE: IssueOptions[] = (() => {
  const head = DEMO_REGISTRY_PERSONS.find((p) => p.iin === DEMO_REGISTRY_IINS.certificationBodyHead)!;
  return [
    ...DEMO_PEOPLE,
    {
      template: 'first-head',
      iin: head.iin,
      bin: DEMO_REGISTRY_BINS.certificationBody,
      org: 'ТОО «Демо ОПС»',
      surname: head.surname,
      firstName: head.firstName,
      patronymic: head.patronymic ?? undefined,
      email: 'head@demo-ops.kz',
      locality: 'АЛМАТЫ',
    },
  ];
})();

export interface DemoPki {
  ca: TestCA;
  keystoreDir: string;
  /** Absent when the port is taken (a real NCALayer, or another portal, is already there). */
  signer?: RunningSigner;
  close(): Promise<void>;
}

/** NCALayer's port, where the DEMO signer listens unless SIGNER_PORT says otherwise. */
export const NCALAYER_PORT = 13579;

/**
 * SIGNER_PORT: the DEMO signer's port — a number (0 = any free port), `off` = no signer, unset = 13579. Tests
 * that run beside another portal (or a real NCALayer) give a free port; the web app learns it from
 * /api/v1/config/public and the CSP allows it.
 */
export function demoSignerPort(env: NodeJS.ProcessEnv = process.env): number | null {
  const value = env.SIGNER_PORT?.trim();
  if (value === 'off') return null;
  if (!value) return NCALAYER_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`SIGNER_PORT: not a port: ${value}`);
  return port;
}

export interface DemoPkiOptions {
  dataDir: string;
  /** Where the portal serves /pki (CRL, OCSP, CA certificates): written into every certificate. */
  pkiBaseUrl: string;
  /** NCALayer's port by default; 0 = any free port; null = do not start the signer. */
  signerPort?: number | null;
  /** Origins whose pages may use the signer besides localhost (the portal's PUBLIC_URL). */
  allowedOrigins?: string[];
  onWarning?(message: string): void;
}

/**
 * DEMO mode: the test CA (kept in DATA_DIR/test-ca) and the built-in signer on NCALayer's port, holding
 * the demo people's keys (DATA_DIR/keystores, password Qwerty12). Issued once, reused on later starts.
 */
export async function startDemoPki(opts: DemoPkiOptions): Promise<DemoPki> {
  const ca = await TestCA.open({ dir: path.join(opts.dataDir, 'test-ca'), baseUrl: opts.pkiBaseUrl });
  const keystoreDir = path.join(opts.dataDir, 'keystores');
  if (!existsSync(keystoreDir) || !readdirSync(keystoreDir).some((f) => f.endsWith('.p12'))) {
    mkdirSync(keystoreDir, { recursive: true });
    for (const person of DEMO_SIGNER_PEOPLE) {
      const pair = await ca.issue(person);
      for (const file of ca.p12Files(pair, DEMO_KEY_PASSWORD))
        writeFileSync(path.join(keystoreDir, file.fileName), file.der);
    }
  }

  let signer: RunningSigner | undefined;
  if (opts.signerPort !== null) {
    try {
      signer = await startSigner({
        keystoreDir,
        password: DEMO_KEY_PASSWORD,
        port: opts.signerPort ?? NCALAYER_PORT,
        tls: false,
        allowedOrigins: opts.allowedOrigins,
        ncaRoots: ca.caCertificates.map((c) => c.x509.toString('pem')),
      });
    } catch (err) {
      opts.onWarning?.(`built-in signer not started: ${(err as Error).message}`);
    }
  }
  return { ca, keystoreDir, signer, close: async () => signer?.close() };
}

/** The CSP connect-src entry the DEMO signer needs when it is not on NCALayer's port (which is always allowed). */
export function demoSignerConnectSrc(env: NodeJS.ProcessEnv = process.env): string[] {
  const port = demoSignerPort(env);
  if (port === null || port === NCALAYER_PORT) return [];
  return [port === 0 ? 'ws://127.0.0.1:*' : `ws://127.0.0.1:${port}`];
}

/** Where the web app finds the signer: the running DEMO signer, else NCALayer's own address. */
export function signerUrlFor(
  demo: boolean,
  running: DemoPki | undefined,
  env: NodeJS.ProcessEnv = process.env,
) {
  if (!demo) return `wss://127.0.0.1:${NCALAYER_PORT}/`;
  return running?.signer?.url ?? `ws://127.0.0.1:${demoSignerPort(env) || NCALAYER_PORT}/`;
}
