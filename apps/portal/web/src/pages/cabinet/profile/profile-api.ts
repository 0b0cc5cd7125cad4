import { ApiError, type ApiErrorBody, api, CSRF_COOKIE, CSRF_HEADER } from '../../../api';
import { currentLanguage, readCookie } from '../../../i18n';

/** Кабинет → Личные данные routes (docs/profile.md); one place, so a renamed route is one edit. */
export const PROFILE_ROUTES = {
  profile: '/api/v1/profile',
  documents: '/api/v1/profile/documents',
  document: (id: string) => `/api/v1/profile/documents/${encodeURIComponent(id)}`,
  contacts: '/api/v1/profile/contacts',
  contact: (id: string) => `/api/v1/profile/contacts/${encodeURIComponent(id)}`,
  photo: '/api/v1/profile/photo',
  emailConfirmation: '/api/v1/profile/email/confirmation',
  emailConfirm: '/api/v1/profile/email/confirm',
} as const;

export interface ProfileData {
  iin: string;
  bin: string | null;
  rnn: string | null;
  surname: string | null;
  firstName: string | null;
  patronymic: string | null;
  birthDate: string | null;
  registeredAt: string;
  email: string | null;
  emailConfirmed: boolean;
  mobilePhone: string | null;
  workPhone: string | null;
  country: { code: string; name: string };
  hasPhoto: boolean;
}

export type RowSource = 'registry' | 'manual';

export interface IdentityDocumentRow {
  id: string;
  source: RowSource;
  editable: boolean;
  type: string;
  typeName: string;
  series: string | null;
  number: string;
  issueDate: string;
  expiryDate: string | null;
  issuer: string;
}

export interface ContactRow {
  id: string;
  source: RowSource;
  editable: boolean;
  countryCode: string;
  countryName: string;
  kato: string | null;
  katoName: string | null;
  street: string | null;
  house: string | null;
  apartment: string | null;
  address: string;
  phone: string | null;
}

export interface ProfileUpdate {
  email: string;
  mobilePhone: string;
  workPhone: string;
}

export interface DocumentInput {
  type: string;
  series: string;
  number: string;
  issueDate: string;
  expiryDate: string;
  issuer: string;
}

export interface ContactInput {
  countryCode: string;
  kato: string;
  street: string;
  house: string;
  apartment: string;
  phone: string;
}

export const profileKeys = {
  profile: ['profile'] as const,
  documents: ['profile', 'documents'] as const,
  contacts: ['profile', 'contacts'] as const,
};

export const fetchProfile = () => api<ProfileData>(PROFILE_ROUTES.profile);
export const updateProfile = (body: ProfileUpdate) =>
  api<ProfileData>(PROFILE_ROUTES.profile, { method: 'PUT', body });

export const fetchDocuments = () =>
  api<{ items: IdentityDocumentRow[] }>(PROFILE_ROUTES.documents).then((r) => r.items);
export const saveDocument = (id: string | null, body: DocumentInput) =>
  api<IdentityDocumentRow>(id ? PROFILE_ROUTES.document(id) : PROFILE_ROUTES.documents, {
    method: id ? 'PUT' : 'POST',
    body,
  });
export const deleteDocument = (id: string) =>
  api<{ ok: true }>(PROFILE_ROUTES.document(id), { method: 'DELETE' });

export const fetchContacts = () => api<{ items: ContactRow[] }>(PROFILE_ROUTES.contacts).then((r) => r.items);
export const saveContact = (id: string | null, body: ContactInput) =>
  api<ContactRow>(id ? PROFILE_ROUTES.contact(id) : PROFILE_ROUTES.contacts, {
    method: id ? 'PUT' : 'POST',
    body,
  });
export const deleteContact = (id: string) =>
  api<{ ok: true }>(PROFILE_ROUTES.contact(id), { method: 'DELETE' });

export const requestEmailConfirmation = () =>
  api<{ message: string }>(PROFILE_ROUTES.emailConfirmation, { method: 'POST', body: {} });
export const confirmEmail = (token: string) =>
  api<{ message: string }>(PROFILE_ROUTES.emailConfirm, { method: 'POST', body: { token } });

/** Upload as multipart/form-data (the JSON client cannot carry a file): same CSRF and language headers. */
export async function uploadPhoto(file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  const token = readCookie(document.cookie, CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(PROFILE_ROUTES.photo, {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, { code: 'network_error', message: String(cause) });
  }
  if (response.ok) return;
  const payload = (await response.json().catch(() => undefined)) as { error?: ApiErrorBody } | undefined;
  throw new ApiError(
    response.status,
    payload?.error ?? {
      code: `http_${response.status}`,
      message: response.statusText || `HTTP ${response.status}`,
    },
  );
}

export const deletePhoto = () => api<{ ok: true }>(PROFILE_ROUTES.photo, { method: 'DELETE' });
