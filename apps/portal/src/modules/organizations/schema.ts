import { z } from 'zod';
import { addressKinds, memberRights, memberStatuses, organizationKinds, participantRoles } from './tables';

// Loose shapes on purpose: the field checks (checks.ts) judge the values and report every failure at once.
const text = z.string().max(2000).nullish();
const flag = z.boolean().nullish();

export const signedAgreementBody = z.object({
  signingRequestId: z.string().max(64),
  cms: z.string().max(200_000),
});

export const participantRegistrationBody = z.object({
  signingRequestId: z.string().max(64).nullish(),
  cms: z.string().max(200_000).nullish(),
  /** The BIN the form was prefilled for; the agreement's certificate must carry it. */
  bin: z.string().max(12).nullish(),
  /** Only read while no signature is attached (the certificate decides otherwise). */
  kind: z.enum(['legal_entity', 'individual_entrepreneur']).nullish(),
  registrationDate: text,
  registrationNumber: text,
  registrationAuthority: text,
  countryCode: text,
  kopf: text,
  kse: text,
  kfs: text,
  roles: z.array(z.enum(participantRoles)).max(3).nullish(),
  resident: flag,
  smallBusiness: flag,
  mediumBusiness: flag,
  email: text,
  site: text,
  phone: text,
  applicantName: text,
  applicantPosition: text,
  headIin: text,
  headSurname: text,
  headFirstName: text,
  headPatronymic: text,
  headPosition: text,
});
export type ParticipantRegistrationBody = z.infer<typeof participantRegistrationBody>;

export const prefillResponse = z.object({
  kind: z.enum(['legal_entity', 'individual_entrepreneur']),
  bin: z.string(),
  name: z.string(),
  nameKk: z.string().nullable(),
  fullNameRu: z.string().nullable(),
  fullNameKk: z.string().nullable(),
  registrationDate: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  registrationAuthority: z.string().nullable(),
  countryCode: z.string(),
  kopf: z.string().nullable(),
  kse: z.string().nullable(),
  kfs: z.string().nullable(),
  krp: z.string().nullable(),
  oked: z.string().nullable(),
  legalAddress: z.object({ kato: z.string().nullish(), text: z.string() }).nullable(),
  applicantName: z.string().nullable(),
  headIin: z.string().nullable(),
  signerIsFirstHead: z.boolean(),
  alreadyRegistered: z.boolean(),
});

export const organizationIdParams = z.object({ organizationId: z.string().max(64) });
export const addressParams = organizationIdParams.extend({ addressId: z.string().max(64) });

export const organizationSchema = z.object({
  id: z.string(),
  bin: z.string(),
  kind: z.enum(organizationKinds),
  nameRu: z.string(),
  nameKk: z.string().nullable(),
  fullNameRu: z.string().nullable(),
  fullNameKk: z.string().nullable(),
  registrationDate: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  registrationAuthority: z.string().nullable(),
  countryCode: z.string(),
  kopf: z.string().nullable(),
  form: z.string().nullable(),
  kfs: z.string().nullable(),
  kse: z.string().nullable(),
  krp: z.string().nullable(),
  oked: z.string().nullable(),
  roles: z.array(z.string()),
  resident: z.boolean(),
  smallBusiness: z.boolean(),
  mediumBusiness: z.boolean(),
  email: z.string().nullable(),
  site: z.string().nullable(),
  phone: z.string().nullable(),
  applicantName: z.string().nullable(),
  applicantPosition: z.string().nullable(),
  head: z.object({
    memberId: z.string().nullable(),
    iin: z.string().nullable(),
    fullName: z.string().nullable(),
    position: z.string().nullable(),
  }),
  logoFileId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller's own rights (what the page may offer). */
  myRights: z.array(z.string()),
});

export const registrationResponse = z.object({ organization: organizationSchema, message: z.string() });
export const profileResponse = z.object({ organization: organizationSchema });
export const savedResponse = z.object({ organization: organizationSchema, message: z.string() });

export const contactsBody = z.object({ email: text, site: text, phone: text });
export const attributesBody = z.object({
  kopf: text,
  form: text,
  kfs: text,
  kse: text,
  krp: text,
  resident: flag,
  smallBusiness: flag,
  mediumBusiness: flag,
});
export const headBody = z.object({ memberId: z.string().max(64) });

export const addressBody = z.object({
  kind: z.enum(addressKinds).nullish(),
  countryCode: text,
  kato: text,
  postalIndex: text,
  street: text,
  house: text,
  apartment: text,
  phone: text,
  fax: text,
});
export type AddressBody = z.infer<typeof addressBody>;

export const addressSchema = z.object({
  id: z.string(),
  kind: z.enum(addressKinds),
  countryCode: z.string(),
  kato: z.string().nullable(),
  postalIndex: z.string().nullable(),
  street: z.string(),
  house: z.string(),
  apartment: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
});
export const addressListResponse = z.object({ addresses: z.array(addressSchema) });
export const addressResponse = z.object({ address: addressSchema, message: z.string() });

export const headCandidatesResponse = z.object({
  candidates: z.array(
    z.object({
      memberId: z.string(),
      iin: z.string(),
      fullName: z.string().nullable(),
      position: z.string().nullable(),
    }),
  ),
});

export const memberRightSchema = z.enum(memberRights);
export const memberStatusSchema = z.enum(memberStatuses);

export const adminListQuery = z.object({ q: z.string().max(200).optional() });
export const adminOrganizationSchema = z.object({
  id: z.string(),
  bin: z.string(),
  kind: z.enum(organizationKinds),
  nameRu: z.string(),
  roles: z.array(z.string()),
  createdAt: z.string(),
});
export const adminListResponse = z.object({ organizations: z.array(adminOrganizationSchema) });
export const organizerBody = z.object({ granted: z.boolean() });
export const adminOrganizationResponse = z.object({ organization: adminOrganizationSchema });
