import { generateRsaKeyPair, type KeyBundle, type KeyPair, signCms } from '@tereze/pki';
import { type IssuedPair, type IssueOptions, TestCA } from '@tereze/pki/test-ca';
import type { apiClient, TestApp } from '../../test/app';
import type { DemoPki } from '../pki/demo';
import type { SigningPurpose } from './purposes';

/**
 * Test PKI for signature flows: a test CA published at the portal's own PUBLIC_URL/pki (so OCSP/CRL go through
 * the app in-process, no network) and trusted as the DEMO CA. RSA keys are generated once per test file: the
 * CA's three, and one pair shared by every person's certificates (certificates differ, keys need not).
 */
export interface SignaturePki {
  ca: TestCA;
  personKeys: KeyPair;
  issue(opts: Omit<IssueOptions, 'keyPair'>): Promise<IssuedPair>;
  /** A CA nobody trusts, for the refusal. */
  untrusted(): Promise<TestCA>;
}

export async function installSignaturePki(t: TestApp): Promise<SignaturePki> {
  const [root, issuing, ocsp, personKeys] = await Promise.all([
    generateRsaKeyPair(2048),
    generateRsaKeyPair(2048),
    generateRsaKeyPair(2048),
    generateRsaKeyPair(2048),
  ]);
  const ca = await TestCA.create({
    baseUrl: `${t.ctx.config.PUBLIC_URL}/pki`,
    keys: { root, issuing, ocsp },
  });
  t.ctx.demoPki = { ca, keystoreDir: '', close: async () => {} } satisfies DemoPki;
  let other: Promise<TestCA> | undefined;
  return {
    ca,
    personKeys,
    issue: (opts) => ca.issue({ ...opts, keyPair: personKeys }),
    untrusted: () => {
      // Keys of its own: a genuinely different authority, which no trust anchor vouches for.
      other ??= Promise.all([generateRsaKeyPair(2048), generateRsaKeyPair(2048)]).then(([r, i]) =>
        TestCA.create({ baseUrl: 'http://untrusted.test/pki', keys: { root: r, issuing: i, ocsp } }),
      );
      return other;
    },
  };
}

type Client = ReturnType<typeof apiClient>;

/** Issues a signing request through the API. */
export async function requestSigning(c: Client, purpose: SigningPurpose, subjectId?: string) {
  const res = await c.post('/api/v1/signing-requests', { purpose, subjectId });
  if (res.statusCode !== 201) throw new Error(`signing request: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; dataBase64: string; expiresAt: string; purpose: string; key: string };
}

/** CMS (attached, base64 DER as NCALayer's createCAdESFromBase64 returns it) of `data` by `signer`. */
export async function cmsOf(data: Uint8Array | string, signer: KeyBundle, signingTime?: Date) {
  const bytes = typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'base64')) : data;
  return Buffer.from(await signCms(bytes, signer, { signingTime })).toString('base64');
}

/** Issue + sign: the `{signingRequestId, cms}` of a signed action. */
export async function signedFor(c: Client, purpose: SigningPurpose, signer: KeyBundle) {
  const request = await requestSigning(c, purpose);
  return { signingRequestId: request.id, cms: await cmsOf(request.dataBase64, signer) };
}
