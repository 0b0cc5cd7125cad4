import { api } from '../../api';

/** The organisations module's routes (docs/organizations.md); one place, so a renamed route is one edit. */
export const ORG_ROUTES = {
  agreement: '/api/v1/organizations/registration/agreement',
  prefill: '/api/v1/organizations/registration/prefill',
  register: '/api/v1/organizations',
  profile: (id: string) => `/api/v1/organizations/${encodeURIComponent(id)}`,
  contacts: (id: string) => `/api/v1/organizations/${encodeURIComponent(id)}/contacts`,
  attributes: (id: string) => `/api/v1/organizations/${encodeURIComponent(id)}/attributes`,
  head: (id: string) => `/api/v1/organizations/${encodeURIComponent(id)}/head`,
  headCandidates: (id: string) => `/api/v1/organizations/${encodeURIComponent(id)}/head-candidates`,
  addresses: (id: string) => `/api/v1/organizations/${encodeURIComponent(id)}/addresses`,
  address: (id: string, addressId: string) =>
    `/api/v1/organizations/${encodeURIComponent(id)}/addresses/${encodeURIComponent(addressId)}`,
  logo: (id: string) => `/api/v1/organizations/${encodeURIComponent(id)}/logo`,
} as const;

export const orgKeys = {
  profile: (id: string) => ['organization', id] as const,
  addresses: (id: string) => ['organization', id, 'addresses'] as const,
  headCandidates: (id: string) => ['organization', id, 'head-candidates'] as const,
};

export interface Prefill {
  kind: 'legal_entity' | 'individual_entrepreneur';
  bin: string;
  name: string;
  fullNameRu: string | null;
  registrationDate: string | null;
  registrationNumber: string | null;
  registrationAuthority: string | null;
  countryCode: string;
  kopf: string | null;
  kse: string | null;
  kfs: string | null;
  applicantName: string | null;
  headIin: string | null;
  signerIsFirstHead: boolean;
  alreadyRegistered: boolean;
}

export interface RegistrationForm {
  registrationDate: string;
  registrationNumber: string;
  registrationAuthority: string;
  countryCode: string;
  kopf: string;
  kse: string;
  kfs: string;
  supplier: boolean;
  customer: boolean;
  resident: boolean;
  smallBusiness: boolean;
  mediumBusiness: boolean;
  email: string;
  site: string;
  phone: string;
  applicantName: string;
  applicantPosition: string;
  headIin: string;
  headSurname: string;
  headFirstName: string;
  headPatronymic: string;
  headPosition: string;
}

export interface Organization {
  id: string;
  bin: string;
  kind: 'legal_entity' | 'individual_entrepreneur' | 'certification_body';
  nameRu: string;
  nameKk: string | null;
  fullNameRu: string | null;
  fullNameKk: string | null;
  registrationDate: string | null;
  registrationNumber: string | null;
  registrationAuthority: string | null;
  countryCode: string;
  kopf: string | null;
  form: string | null;
  kfs: string | null;
  kse: string | null;
  krp: string | null;
  oked: string | null;
  roles: string[];
  resident: boolean;
  smallBusiness: boolean;
  mediumBusiness: boolean;
  email: string | null;
  site: string | null;
  phone: string | null;
  head: { memberId: string | null; iin: string | null; fullName: string | null; position: string | null };
  logoFileId: string | null;
  createdAt: string;
  updatedAt: string;
  myRights: string[];
}

export interface Address {
  id: string;
  kind: 'legal' | 'actual' | 'postal';
  countryCode: string;
  kato: string | null;
  postalIndex: string | null;
  street: string;
  house: string;
  apartment: string | null;
  phone: string | null;
  fax: string | null;
}

export type AddressInput = Omit<Address, 'id'>;

export interface HeadCandidate {
  memberId: string;
  iin: string;
  fullName: string | null;
  position: string | null;
}

export const fetchAgreement = () => api<{ version: string; text: string }>(ORG_ROUTES.agreement);

export const prefill = (signed: { signingRequestId: string; cms: string }) =>
  api<Prefill>(ORG_ROUTES.prefill, { method: 'POST', body: signed });

/** «Подтверждаю данные»: the form as the API names it (roles from the two checkboxes). */
export function registerParticipant(
  form: RegistrationForm,
  signed: { signingRequestId: string; cms: string },
  bin: string,
) {
  const { supplier, customer, ...rest } = form;
  const roles = [...(supplier ? ['supplier'] : []), ...(customer ? ['customer'] : [])];
  return api<{ organization: Organization; message: string }>(ORG_ROUTES.register, {
    method: 'POST',
    // The BIN shown on the form: the server refuses an agreement signed for another organisation.
    body: { ...rest, roles, bin, ...signed },
  });
}

export const fetchOrganization = (id: string) =>
  api<{ organization: Organization }>(ORG_ROUTES.profile(id)).then((r) => r.organization);

type Saved = { organization: Organization; message: string };

export const saveContacts = (id: string, body: { email: string; site: string; phone: string }) =>
  api<Saved>(ORG_ROUTES.contacts(id), { method: 'PUT', body });

export const saveAttributes = (id: string, body: Record<string, unknown>) =>
  api<Saved>(ORG_ROUTES.attributes(id), { method: 'PUT', body });

export const saveHead = (id: string, memberId: string) =>
  api<Saved>(ORG_ROUTES.head(id), { method: 'PUT', body: { memberId } });

export const fetchHeadCandidates = (id: string) =>
  api<{ candidates: HeadCandidate[] }>(ORG_ROUTES.headCandidates(id)).then((r) => r.candidates);

export const fetchAddresses = (id: string) =>
  api<{ addresses: Address[] }>(ORG_ROUTES.addresses(id)).then((r) => r.addresses);

export const saveAddress = (id: string, addressId: string | null, body: AddressInput) =>
  api<{ address: Address; message: string }>(
    addressId ? ORG_ROUTES.address(id, addressId) : ORG_ROUTES.addresses(id),
    { method: addressId ? 'PUT' : 'POST', body },
  );

export const deleteAddress = (id: string, addressId: string) =>
  api<{ ok: true }>(ORG_ROUTES.address(id, addressId), { method: 'DELETE' });

export function uploadLogo(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<{ ok: true }>(ORG_ROUTES.logo(id), { method: 'POST', body: form });
}

export const deleteLogo = (id: string) => api<{ ok: true }>(ORG_ROUTES.logo(id), { method: 'DELETE' });

export interface AdminOrganization {
  id: string;
  bin: string;
  kind: string;
  nameRu: string;
  roles: string[];
  createdAt: string;
}

export const fetchAdminOrganizations = (q: string) =>
  api<{ organizations: AdminOrganization[] }>(
    `/api/v1/admin/organizations${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  ).then((r) => r.organizations);

export const setOrganizer = (id: string, granted: boolean) =>
  api<{ organization: AdminOrganization }>(
    `/api/v1/admin/organizations/${encodeURIComponent(id)}/organizer`,
    {
      method: 'PUT',
      body: { granted },
    },
  );
