/**
 * The NCA certificate profile: who a certificate names (IIN, BIN, names, organisation), what
 * it is for (AUTH / SIGN), and which roles it carries. Rules are documented in docs/pki.md.
 * Unknown OIDs and missing extensions never throw; they just yield fewer facts.
 */
import { type ParsedCertificate, parseCertificate } from './cert';
import { ALG, DN, EKU, GOST, NCA_POLICY, NCA_ROLE } from './oids';

export type CertAlgorithm = 'RSA' | 'GOST2004' | 'GOST2015-256' | 'GOST2015-512' | 'EC' | 'unknown';
export type CertPurpose = 'AUTH' | 'SIGN' | 'AUTH_SIGN' | 'unknown';
export type SubjectKind = 'individual' | 'legal_entity' | 'individual_entrepreneur';
export type Role =
  | 'first_head'
  | 'signing_rights'
  | 'financial'
  | 'hr'
  | 'employee'
  | 'treasury_client'
  | 'information_system';

export interface CertProfile {
  /** 12-digit IIN from SERIALNUMBER=IIN… */
  iin?: string;
  /** 12-digit BIN from OU=BIN… */
  bin?: string;
  surname?: string;
  /** From CN (CN = "SURNAME FIRSTNAME"). */
  firstName?: string;
  /** NCA keeps the patronymic in givenName (GN). */
  patronymic?: string;
  commonName?: string;
  organization?: string;
  /** DN emailAddress, else the first SubjectAltName rfc822Name. */
  email?: string;
  country?: string;
  locality?: string;
  state?: string;
  /** Certificate serial (normalised hex, see ParsedCertificate.serialNumber). */
  serialNumber: string;
  ski?: string;
  subjectDn: string;
  issuerDn: string;
  notBefore: Date;
  notAfter: Date;
  algorithm: CertAlgorithm;
  purpose: CertPurpose;
  subjectKind: SubjectKind;
  roles: Role[];
  policies: string[];
  ekus: string[];
}

const ROLE_BY_OID: Record<string, Role> = {
  [NCA_ROLE.firstHead]: 'first_head',
  [NCA_ROLE.signingRights]: 'signing_rights',
  [NCA_ROLE.financial]: 'financial',
  [NCA_ROLE.hr]: 'hr',
  [NCA_ROLE.employee]: 'employee',
  [NCA_ROLE.treasuryClient]: 'treasury_client',
  [NCA_ROLE.informationSystem]: 'information_system',
};

const ALGORITHM_BY_OID: Record<string, CertAlgorithm> = {
  [ALG.rsaEncryption]: 'RSA',
  [ALG.rsaPss]: 'RSA',
  [ALG.sha1WithRsa]: 'RSA',
  [ALG.sha256WithRsa]: 'RSA',
  [ALG.sha384WithRsa]: 'RSA',
  [ALG.sha512WithRsa]: 'RSA',
  [ALG.ecPublicKey]: 'EC',
  [ALG.ecdsaWithSha256]: 'EC',
  [ALG.ecdsaWithSha384]: 'EC',
  [ALG.ecdsaWithSha512]: 'EC',
  [GOST.key2004]: 'GOST2004',
  [GOST.signature2004]: 'GOST2004',
  [GOST.key2015_256]: 'GOST2015-256',
  [GOST.signature2015_256]: 'GOST2015-256',
  [GOST.key2015_512]: 'GOST2015-512',
  [GOST.signature2015_512]: 'GOST2015-512',
};

/** Algorithm of the subject key (by SPKI OID; the signature OID when the key OID is unknown). */
export function certificateAlgorithm(cert: ParsedCertificate): CertAlgorithm {
  return (
    ALGORITHM_BY_OID[cert.publicKeyAlgorithmOid] ?? ALGORITHM_BY_OID[cert.signatureAlgorithmOid] ?? 'unknown'
  );
}

function field(cert: ParsedCertificate, oid: string): string | undefined {
  const v = cert.subjectAttributes.find((a) => a.type === oid)?.value.trim();
  return v ? v : undefined;
}

function prefixed(value: string | undefined, prefix: string): string | undefined {
  if (!value) return undefined;
  const m = new RegExp(`^${prefix}(\\d{12})$`, 'i').exec(value.replace(/\s+/g, ''));
  return m?.[1];
}

/**
 * AUTH / SIGN from the EKU (clientAuth → AUTH, emailProtection → SIGN, both → AUTH_SIGN), the
 * GOST-2015 single key (emailProtection with keyEncipherment → AUTH_SIGN), then the NCA
 * policies, then key usage (nonRepudiation → SIGN, keyEncipherment → AUTH).
 */
export function certificatePurpose(
  cert: ParsedCertificate,
  algorithm = certificateAlgorithm(cert),
): CertPurpose {
  const auth = cert.ekus.includes(EKU.clientAuth);
  const sign = cert.ekus.includes(EKU.emailProtection);
  const ku = cert.keyUsage;
  if (auth && sign) return 'AUTH_SIGN';
  if (sign) {
    const gost2015 = algorithm === 'GOST2015-256' || algorithm === 'GOST2015-512';
    return (gost2015 && ku.keyEncipherment) || cert.policies.includes(NCA_POLICY.gost2015)
      ? 'AUTH_SIGN'
      : 'SIGN';
  }
  if (auth) return 'AUTH';
  const p = cert.policies;
  if (p.includes(NCA_POLICY.gost2015)) return 'AUTH_SIGN';
  const policySign = p.includes(NCA_POLICY.individualSign) || p.includes(NCA_POLICY.legalEntitySign);
  const policyAuth = p.includes(NCA_POLICY.individualAuth) || p.includes(NCA_POLICY.legalEntityAuth);
  if (policySign && !policyAuth) return 'SIGN';
  if (policyAuth && !policySign) return 'AUTH';
  if (!cert.hasKeyUsage || !ku.digitalSignature) return 'unknown';
  if (ku.nonRepudiation && !ku.keyEncipherment) return 'SIGN';
  if (ku.keyEncipherment && !ku.nonRepudiation) return 'AUTH';
  return 'unknown';
}

/**
 * individual_entrepreneur: the certificate carries a BIN that is the holder's own IIN, or a
 * number shaped like an IIN (its 5th digit is a day's tens 0–3, where a real BIN has the
 * entity type 4/5/6) — an IE does business under its IIN.
 * legal_entity: OU=BIN…, or the legal-entity role / policy OIDs.
 * individual: everything else.
 */
export function subjectKindOf(
  cert: ParsedCertificate,
  ids: { iin?: string; bin?: string } = {},
): SubjectKind {
  const legalMarkers =
    ids.bin !== undefined ||
    cert.ekus.includes(NCA_ROLE.legalEntity) ||
    cert.policies.includes(NCA_POLICY.legalEntitySign) ||
    cert.policies.includes(NCA_POLICY.legalEntityAuth);
  if (!legalMarkers) return 'individual';
  if (ids.bin && (ids.bin === ids.iin || !/^[456]$/.test(ids.bin[4]))) return 'individual_entrepreneur';
  return 'legal_entity';
}

export function certificateProfile(input: ParsedCertificate | Uint8Array | string): CertProfile {
  const cert = typeof input === 'string' || input instanceof Uint8Array ? parseCertificate(input) : input;
  const commonName = field(cert, DN.commonName);
  const surname = field(cert, DN.surname);
  const serial = field(cert, DN.serialNumber);
  const iin = prefixed(serial, 'IIN') ?? (serial && /^\d{12}$/.test(serial) ? serial : undefined);
  const bin = prefixed(field(cert, DN.organizationalUnit), 'BIN');
  const algorithm = certificateAlgorithm(cert);
  return {
    iin,
    bin,
    surname,
    firstName: firstNameFrom(commonName, surname),
    patronymic: field(cert, DN.givenName),
    commonName,
    organization: field(cert, DN.organization),
    email: field(cert, DN.emailAddress) ?? cert.sanEmails[0],
    country: field(cert, DN.country),
    locality: field(cert, DN.locality),
    state: field(cert, DN.state),
    serialNumber: cert.serialNumber,
    ski: cert.ski,
    subjectDn: cert.subjectDn,
    issuerDn: cert.issuerDn,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    algorithm,
    purpose: certificatePurpose(cert, algorithm),
    subjectKind: subjectKindOf(cert, { iin, bin }),
    roles: [...new Set(cert.ekus.map((o) => ROLE_BY_OID[o]).filter((r): r is Role => r !== undefined))],
    policies: [...cert.policies],
    ekus: [...cert.ekus],
  };
}

/** CN is "SURNAME FIRSTNAME": the first name is what follows the surname. */
function firstNameFrom(commonName?: string, surname?: string): string | undefined {
  if (!commonName) return undefined;
  const cn = commonName.trim().replace(/\s+/g, ' ');
  if (surname && cn.toUpperCase().startsWith(`${surname.trim().toUpperCase()} `)) {
    return cn.slice(surname.trim().length + 1).trim() || undefined;
  }
  const parts = cn.split(' ');
  return parts.length > 1 ? parts.slice(1).join(' ') : undefined;
}
