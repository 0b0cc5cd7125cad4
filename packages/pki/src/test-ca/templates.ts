/**
 * NCA-profile templates of the test CA: which DN fields, roles (EKU), policies and key usages
 * an AUTH and a SIGN certificate of each kind get (shared/NCA.md, "Certificate profile").
 */
import { EKU, NCA_POLICY, NCA_ROLE } from '../oids';

export const TEMPLATE_NAMES = [
  'individual',
  'first-head',
  'sign-rights',
  'finance',
  'hr',
  'employee',
  'treasury-client',
  'individual-entrepreneur',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface TemplateDef {
  /** Legal-entity profile: O and OU=BIN in the DN, legal-entity role and policies. */
  legalEntity: boolean;
  /** Role OIDs added to the EKU besides the individual / legal-entity one. */
  roles: string[];
  /** BIN defaults to the IIN (individual entrepreneur acts under its IIN). */
  binFromIin?: boolean;
}

export const TEMPLATES: Record<TemplateName, TemplateDef> = {
  individual: { legalEntity: false, roles: [] },
  'first-head': { legalEntity: true, roles: [NCA_ROLE.firstHead] },
  'sign-rights': { legalEntity: true, roles: [NCA_ROLE.signingRights] },
  finance: { legalEntity: true, roles: [NCA_ROLE.financial] },
  hr: { legalEntity: true, roles: [NCA_ROLE.hr] },
  employee: { legalEntity: true, roles: [NCA_ROLE.employee] },
  'treasury-client': { legalEntity: true, roles: [NCA_ROLE.treasuryClient] },
  // ⚠ tereze's reading of NCA practice: an IE gets a legal-entity certificate whose BIN is its
  // own IIN, as the head of its business. certificateProfile recognises it by BIN = IIN.
  'individual-entrepreneur': { legalEntity: true, roles: [NCA_ROLE.firstHead], binFromIin: true },
};

export function isTemplateName(value: string): value is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(value);
}

export type Purpose = 'AUTH' | 'SIGN';

export interface PurposeProfile {
  keyUsage: { digitalSignature: true; nonRepudiation?: true; keyEncipherment?: true };
  ekus: string[];
  policy: string;
}

/** KeyUsage / EKU / policy of a template's AUTH or SIGN certificate. */
export function purposeProfile(def: TemplateDef, purpose: Purpose): PurposeProfile {
  const base = def.legalEntity ? NCA_ROLE.legalEntity : NCA_ROLE.individual;
  if (purpose === 'AUTH') {
    return {
      keyUsage: { digitalSignature: true, keyEncipherment: true },
      ekus: [EKU.clientAuth, base, ...def.roles],
      policy: def.legalEntity ? NCA_POLICY.legalEntityAuth : NCA_POLICY.individualAuth,
    };
  }
  return {
    keyUsage: { digitalSignature: true, nonRepudiation: true },
    ekus: [EKU.emailProtection, base, ...def.roles],
    policy: def.legalEntity ? NCA_POLICY.legalEntitySign : NCA_POLICY.individualSign,
  };
}
