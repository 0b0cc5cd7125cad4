/** Options of verifyCms. */
import type { ParsedCertificate } from '../cert';
import type { Role, SubjectKind } from '../profile';
import type { RevocationChecker } from '../revocation/types';

export type VerifyPurpose = 'login' | 'document';
export type CertificateInput = ParsedCertificate | Uint8Array | string;
export type RoleName = Role;
export type SubjectKindName = SubjectKind;

/**
 * Roles the signer must hold (role OIDs in the certificate's EKU):
 * - `['first_head', 'signing_rights']` — any one of them (first head OR signing rights);
 * - `{ allOf: ['financial', 'employee'] }` — all of them;
 * - `{ anyOf: [...], allOf: [...] }` — both conditions.
 */
export type RoleRequirement =
  | readonly RoleName[]
  | { anyOf?: readonly RoleName[]; allOf?: readonly RoleName[] };

export interface VerifyOptions {
  /** Trusted roots (or any certificate trusted directly). */
  trustAnchors: readonly CertificateInput[];
  /** Extra intermediates (configuration); those inside the CMS are always used. */
  intermediates?: readonly CertificateInput[];
  /** 'login' → AUTH key, time = now; 'document' → SIGN key, time = signing time. */
  purpose: VerifyPurpose;
  /** Detached content. With an attached CMS it must equal the embedded content. */
  data?: Uint8Array;
  /** The exact bytes the server issued to be signed (challenge / document). */
  expectedContent?: Uint8Array;
  expectedIin?: string;
  expectedBin?: string;
  requiredRoles?: RoleRequirement;
  /** One kind, or any of several. */
  requiredSubjectKind?: SubjectKindName | readonly SubjectKindName[];
  /** "Now" (tests); default the system clock. */
  now?: Date;
  revocation: RevocationChecker | 'off';
  /** Download missing intermediates through AIA caIssuers. */
  fetchAia?: boolean;
  /** Transport for AIA downloads. */
  fetch?: typeof fetch;
  /** 'fast' (default): DER walker + node:crypto; 'reference': pkijs SignedData.verify. */
  engine?: 'fast' | 'reference';
  /** Tolerance for a signing-time slightly ahead of the server clock. Default 5 minutes. */
  clockSkewMs?: number;
}
