import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type KeyBundle, readPkcs12, writePkcs12 } from '@tereze/pki';
import type { TestCA } from '@tereze/pki/test-ca';
import type { Config } from '../../server/config';

/** The portal's own organisation in DEMO (a BIN with a valid check digit). */
export const DEMO_PORTAL_BIN = '261140770013';
const DEMO_FILE = 'portal-signing.p12';
const DEMO_PASSWORD = 'tereze-demo';

type KeyConfig = Pick<Config, 'DEMO' | 'DATA_DIR' | 'PORTAL_SIGNING_P12' | 'PORTAL_SIGNING_PASSWORD'>;

/**
 * The key the portal signs its answers to workstations with (seed 002, step 5). Production: the PKCS#12 file
 * PORTAL_SIGNING_P12 (password PORTAL_SIGNING_PASSWORD). DEMO: a legal-entity SIGN certificate for the
 * portal's BIN issued once by the test CA and kept in DATA_DIR (re-issued if that CA changed).
 */
export function createPortalKey(config: KeyConfig, demoCa: () => TestCA | undefined) {
  let cached: Promise<KeyBundle> | undefined;

  async function load(): Promise<KeyBundle> {
    if (config.PORTAL_SIGNING_P12) {
      const [bundle] = readPkcs12(
        readFileSync(config.PORTAL_SIGNING_P12),
        config.PORTAL_SIGNING_PASSWORD ?? '',
      );
      if (!bundle) throw new Error('PORTAL_SIGNING_P12 holds no key');
      return bundle;
    }
    const ca = config.DEMO ? demoCa() : undefined;
    if (!ca) throw new Error('no portal signing key: set PORTAL_SIGNING_P12');
    const file = join(config.DATA_DIR, DEMO_FILE);
    if (existsSync(file)) {
      const [bundle] = readPkcs12(readFileSync(file), DEMO_PASSWORD);
      const issuedByThisCa = bundle?.chain.some((c) => c.fingerprint === ca.issuing.certificate.fingerprint);
      if (bundle && issuedByThisCa) return bundle;
    }
    const { sign } = await ca.issue({
      template: 'first-head',
      iin: '871008401427',
      bin: DEMO_PORTAL_BIN,
      org: 'tereze ПОРТАЛ',
      surname: 'ПОРТАЛ',
      firstName: 'TEREZE',
    });
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, writePkcs12(sign, DEMO_PASSWORD), { mode: 0o600 });
    return sign;
  }

  return {
    get(): Promise<KeyBundle> {
      cached ??= load().catch((error) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
  };
}
