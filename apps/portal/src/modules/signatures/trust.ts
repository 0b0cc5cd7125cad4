import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodePemAll, type ParsedCertificate, parseCertificate } from '@tereze/pki';

/** The certificates signatures must chain to (anchors) and may chain through (intermediates). */
export interface TrustStore {
  anchors: ParsedCertificate[];
  intermediates: ParsedCertificate[];
  /** Files read, for the start log. */
  files: string[];
}

export const emptyTrustStore = (): TrustStore => ({ anchors: [], intermediates: [], files: [] });

const CERT_FILE = /\.(pem|crt|cer|der)$/i;

/** Every certificate of a PEM bundle, or the single DER certificate of a file. */
export function readCertificateFile(file: string): ParsedCertificate[] {
  const bytes = new Uint8Array(readFileSync(file));
  const pems = decodePemAll(Buffer.from(bytes).toString('latin1'), 'CERTIFICATE');
  return pems.length > 0 ? pems.map((der) => parseCertificate(der)) : [parseCertificate(bytes)];
}

const selfSigned = (c: ParsedCertificate) => Buffer.compare(c.subjectDer, c.issuerDer) === 0;

/**
 * Reads TRUSTED_CA_DIR once at start: *.pem / *.crt / *.cer / *.der, PEM bundles or DER. Self-signed
 * certificates (the NCA roots) become trust anchors, the others (the NCA issuing CAs) intermediates. An
 * unreadable file stops the start with its name — a silently smaller trust store would refuse every signature.
 */
export function loadTrustStore(dir: string | undefined): TrustStore {
  const store = emptyTrustStore();
  if (!dir) return store;
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => CERT_FILE.test(n))
      .sort();
  } catch (err) {
    throw new Error(`TRUSTED_CA_DIR ${dir}: ${(err as Error).message}`);
  }
  for (const name of names) {
    const file = path.join(dir, name);
    if (!statSync(file).isFile()) continue;
    let certs: ParsedCertificate[];
    try {
      certs = readCertificateFile(file);
    } catch (err) {
      throw new Error(`TRUSTED_CA_DIR: ${file} is not a PEM or DER certificate (${(err as Error).message})`);
    }
    for (const c of certs) (selfSigned(c) ? store.anchors : store.intermediates).push(c);
    store.files.push(file);
  }
  return store;
}
