import type { CertProfile } from '@tereze/pki';
import { z } from 'zod';

/**
 * What the web app may show of a verified certificate (seed 002: IIN, e-mail, ФИО, validity; seed 001: the
 * registration form prefilled from the certificate). Only the certificate's own fields — no registry data.
 */
export const certificateSummarySchema = z.object({
  iin: z.string().nullable(),
  bin: z.string().nullable(),
  surname: z.string().nullable(),
  firstName: z.string().nullable(),
  patronymic: z.string().nullable(),
  fullName: z.string().nullable(),
  organization: z.string().nullable(),
  email: z.string().nullable(),
  subjectKind: z.enum(['individual', 'legal_entity', 'individual_entrepreneur']),
  roles: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  serialNumber: z.string(),
});

export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

export const fullNameOf = (p: Pick<CertProfile, 'surname' | 'firstName' | 'patronymic' | 'commonName'>) =>
  [p.surname, p.firstName, p.patronymic].filter(Boolean).join(' ') || p.commonName || null;

export function certificateSummary(p: CertProfile): CertificateSummary {
  return {
    iin: p.iin ?? null,
    bin: p.bin ?? null,
    surname: p.surname ?? null,
    firstName: p.firstName ?? null,
    patronymic: p.patronymic ?? null,
    fullName: fullNameOf(p),
    organization: p.organization ?? null,
    email: p.email ?? null,
    subjectKind: p.subjectKind,
    roles: [...p.roles],
    validFrom: p.notBefore.toISOString(),
    validTo: p.notAfter.toISOString(),
    serialNumber: p.serialNumber,
  };
}

/** The legal-entity holder acts for the organisation (first head or signing rights), not as its employee. */
export const actsForOrganization = (p: Pick<CertProfile, 'roles'>) =>
  p.roles.includes('first_head') || p.roles.includes('signing_rights');
