/**
 * The signature-login part of `npm run bench:login` (bench/login.bench.ts calls these two functions).
 *
 * Server child (`prepareSignatureLogin`): a test CA trusted as the DEMO CA (its OCSP answered in-process
 * through the portal's /pki), PEOPLE individual accounts with AUTH certificates, one warm-up login each (so
 * the OCSP answers and chain paths are cached, as in a running portal), then REQUESTS login signing requests
 * issued by the real service and signed as CMS with the holders' AUTH keys — signing is the browser's work,
 * so it happens before the clock starts.
 * Parent (`benchSignatureLogin`): autocannon sends each signed challenge once at 64 connections to
 * `POST /api/v1/auth/login/signature`: verification (chain, validity, OCSP from cache, key usage, policy,
 * content), account lookup, then one statement: single-use claim, session, journal — the full path.
 */
import { generateRsaKeyPair, isValidIin, type KeyBundle, signCms } from '@tereze/pki';
import { TestCA } from '@tereze/pki/test-ca';
import type autocannon from 'autocannon';
import type { AppContext } from '../apps/portal/src/server/context';

export const PEOPLE = 64;
export const REQUESTS = Number(process.env.BENCH_SIGNATURE_REQUESTS ?? 4000);
export const SIGNATURE_P99_FLOOR_MS = 50;

export interface SignatureLoginPrepared {
  bodies: string[];
}

/** Valid IINs (check digit) of people born 1985-05-05, none of them the password benchmark's. */
function benchIins(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const iin = `8505053${String(i).padStart(5, '0')}`;
    if (isValidIin(iin)) out.push(iin);
  }
  return out;
}

export async function prepareSignatureLogin(ctx: AppContext): Promise<SignatureLoginPrepared> {
  const [root, issuing, ocsp, person] = await Promise.all(
    Array.from({ length: 4 }, () => generateRsaKeyPair(2048)),
  );
  const ca = await TestCA.create({ baseUrl: `${ctx.config.PUBLIC_URL}/pki`, keys: { root, issuing, ocsp } });
  ctx.demoPki = { ca, keystoreDir: '', close: async () => {} };

  const holders: KeyBundle[] = [];
  for (const iin of benchIins(PEOPLE)) {
    const pair = await ca.issue({
      template: 'individual',
      iin,
      surname: 'БЕНЧ',
      firstName: 'ЭЦП',
      keyPair: person,
    });
    await ctx.identity.createAccount({ kind: 'individual', iin, surname: 'БЕНЧ', firstName: 'ЭЦП' });
    holders.push(pair.auth);
  }
  const signed = async (i: number) => {
    const req = await ctx.signatures.issue('login');
    const cms = await signCms(
      new Uint8Array(Buffer.from(req.dataBase64, 'base64')),
      holders[i % holders.length],
    );
    return { signingRequestId: req.id, cms: Buffer.from(cms).toString('base64') };
  };
  // Warm-up: every certificate verified once (OCSP fetched and cached, chain path cached).
  for (let i = 0; i < holders.length; i++)
    await ctx.signatures.verifyAndConsume({ ...(await signed(i)), purpose: 'login' });
  const bodies: string[] = [];
  for (let i = 0; i < REQUESTS; i++) bodies.push(JSON.stringify(await signed(i)));
  return { bodies };
}

export interface SignatureLoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  non2xx: number;
  errors: number;
  sent?: number;
}

/** Each signed challenge sent once (they are single-use): `amount` = the prepared count. */
export async function benchSignatureLogin(
  portalUrl: string,
  prepared: SignatureLoginPrepared,
  csrf: string,
  load: (opts: autocannon.Options) => Promise<SignatureLoadResult>,
): Promise<SignatureLoadResult> {
  let n = 0;
  return load({
    url: portalUrl,
    amount: prepared.bodies.length,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/auth/login/signature',
        headers: { 'content-type': 'application/json', cookie: `csrf_token=${csrf}`, 'x-csrf-token': csrf },
        setupRequest: (req) => ({ ...req, body: prepared.bodies[n++ % prepared.bodies.length] }),
      },
    ],
  });
}
