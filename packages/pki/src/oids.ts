/**
 * Object identifiers of the Kazakhstan NCA profile (see docs/pki.md and shared/NCA.md) and the
 * standard ones tereze needs. Values marked ⚠ come from a single third-party source.
 */

/** Role OIDs carried in the ExtendedKeyUsage extension of NCA certificates. */
export const NCA_ROLE = {
  individual: '1.2.398.3.3.4.1.1',
  legalEntity: '1.2.398.3.3.4.1.2',
  firstHead: '1.2.398.3.3.4.2.1',
  signingRights: '1.2.398.3.3.4.2.2',
  financial: '1.2.398.3.3.4.2.3',
  hr: '1.2.398.3.3.4.2.4',
  employee: '1.2.398.3.3.4.2.5',
  /** ⚠ one source only. */
  informationSystem: '1.2.398.3.3.4.2.6',
  treasuryClient: '1.2.398.5.19.1.2.2.1',
} as const;

/** Certificate policy OIDs. */
export const NCA_POLICY = {
  legalEntitySign: '1.2.398.3.3.2.1',
  legalEntityAuth: '1.2.398.3.3.2.2',
  individualSign: '1.2.398.3.3.2.3',
  individualAuth: '1.2.398.3.3.2.4',
  /** GOST 2015: one key for authentication and signing. */
  gost2015: '1.2.398.3.3.2',
} as const;

/** Standard extended key usages. */
export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
} as const;

/** Kazakh GOST algorithms (KZ arc 1.2.398.3.10). */
export const GOST = {
  /** GOST 34.310-2004 public key. */
  key2004: '1.2.398.3.10.1.1.1.1',
  /** GOST 34.311-95 with GOST 34.310-2004 signature. */
  signature2004: '1.2.398.3.10.1.1.1.2',
  /** GOST 34.311-95 hash. */
  hash2004: '1.2.398.3.10.1.3.1',
  /** ⚠ GOST 34.10-2015 256-bit public key. */
  key2015_256: '1.2.398.3.10.1.1.2.1',
  /** GOST 34.10-2015 512-bit public key. */
  key2015_512: '1.2.398.3.10.1.1.2.2',
  /** ⚠ GOST 34.10-2015 256-bit signature (Streebog-256). */
  signature2015_256: '1.2.398.3.10.1.1.2.3.1',
  /** GOST 34.10-2015 512-bit signature (Streebog-512). */
  signature2015_512: '1.2.398.3.10.1.1.2.3.2',
  /** ⚠ Streebog-256. */
  hash2015_256: '1.2.398.3.10.1.3.2',
  /** Streebog-512. */
  hash2015_512: '1.2.398.3.10.1.3.3',
  /** ⚠ KZ curve parameters for 2015-512 (tc26-512-paramSetA). */
  curve2015_512A: '1.2.398.3.10.1.1.2.2.1',
} as const;

/** Standard algorithms. */
export const ALG = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRsa: '1.2.840.113549.1.1.5',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

/** Distinguished-name attribute types used by NCA. */
export const DN = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  state: '2.5.4.8',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  /** NCA puts the patronymic here. */
  givenName: '2.5.4.42',
  emailAddress: '1.2.840.113549.1.9.1',
} as const;

/** CMS / PKCS#9 / ESS. */
export const CMS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

/** X.509 extensions and access methods. */
export const EXT = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  deltaCrlIndicator: '2.5.29.27',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  freshestCrl: '2.5.29.46',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  accessCaIssuers: '1.3.6.1.5.5.7.48.2',
} as const;
