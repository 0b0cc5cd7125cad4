import type { KeyObject, X509Certificate } from 'node:crypto';

/** Key purpose as NCALayer's commonUtils calls it (`keyType` argument). */
export type KeyPurpose = 'AUTH' | 'SIGN' | 'OTHER';

/** One key pair with its certificate, loaded from a .p12 in the keystore folder. */
export interface SignerKey {
  /** NCALayer's keyId/alias: the PKCS#12 friendlyName, which for NCA keys is the SKI in hex. */
  alias: string;
  /** File the key came from (for messages and the passwords map). */
  file: string;
  storage: 'PKCS12';
  privateKey: KeyObject;
  certificate: X509Certificate;
  /** Other certificates found in the same PKCS#12 (issuing CA, root). */
  chain: X509Certificate[];
  /** Extended key usage OIDs of the certificate (purpose and NCA role OIDs). */
  ekus: string[];
  purpose: KeyPurpose;
  iin?: string;
  bin?: string;
  signCms: CmsSigner;
}

export interface CmsOptions {
  /** false = content inside the CMS (NCALayer's encapsulate: true). */
  detached: boolean;
}

/** Makes a CMS SignedData (DER) over `data` with this key (@tereze/pki does the work). */
export type CmsSigner = (data: Uint8Array, options: CmsOptions) => Promise<Uint8Array>;

/**
 * Which key the (absent) user picks: the first key passing the request's filters, or a named alias;
 * `cancel` answers every request as if the user pressed Cancel.
 */
export interface KeyRule {
  pick: 'first' | { alias: string };
  cancel?: boolean;
}
