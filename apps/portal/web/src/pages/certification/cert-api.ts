import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** Shapes of docs/certification.md (the certification module's API). */
export type ListTab = 'active' | 'review' | 'suspended' | 'drafts' | 'closed';
export const APPLICANT_TABS: ListTab[] = ['active', 'review', 'suspended', 'drafts'];
export type SortKey = 'number' | 'created' | 'bin' | 'name' | 'status' | 'body';
export const SORT_KEYS: SortKey[] = ['number', 'created', 'bin', 'name', 'status', 'body'];

export interface ListItem {
  id: string;
  number: string;
  createdAt: string;
  applicantBin: string;
  applicantName: string;
  status: string;
  bodyBin: string | null;
  bodyName: string | null;
  standard: string | null;
  certificateNumber: string | null;
}

export interface ListPage {
  items: ListItem[];
  nextCursor: string | null;
}

export interface ApplicationForm {
  /** «Подать заявку: За себя» (self) / «От имени организации» (organization). */
  capacity?: 'self' | 'organization';
  applicant?: {
    bin?: string;
    name?: string;
    legalAddress?: string;
    headFullName?: string;
    mobile?: string;
    email?: string;
  };
  address?: {
    postalIndex?: string;
    region?: string;
    city?: string;
    street?: string;
    house?: string;
    office?: string;
    kato?: string;
  };
  body?: { bodyBin?: string };
  additional?: {
    contactPerson?: string;
    contactPhone?: string;
    contactEmail?: string;
    website?: string;
    previousCertificate?: string;
    info?: string;
  };
  scope?: {
    standard?: string;
    scopeText?: string;
    sites?: { address: string; activity: string }[];
    headcount?: number;
    oked?: string;
  };
  note?: string;
  signatories?: { plannedName: string; plannedIin?: string; comment?: string }[];
}

export interface SignerCertificate {
  fullName: string;
  email: string | null;
  iin: string | null;
  validFrom: string;
  validTo: string;
  bin: string | null;
  organization: string | null;
  roles: string[];
  action: string;
  issuer: string;
  serialNumber: string;
}

export interface Signatory {
  id: string;
  position: number;
  plannedName: string;
  plannedIin: string | null;
  comment: string | null;
  signedAt: string | null;
  certificate: SignerCertificate | null;
}

export interface AppDocument {
  id: string;
  kind: 'applicant' | 'report';
  title: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface TimelineEntry {
  seq: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string | null;
  actorRole: string | null;
  payload: Record<string, unknown> | null;
  signed: boolean;
  signer: { fullName?: string; iin?: string } | null;
  createdAt: string;
}

export interface CertificateView {
  id: string;
  number: string;
  holderBin: string;
  holderName: string;
  bodyBin: string;
  bodyName: string;
  attestatNumber: string | null;
  standard: string;
  scope: string;
  issuedOn: string;
  validUntil: string;
  status: string;
  statusReason: string | null;
  suspendedOn: string | null;
  withdrawalDueOn: string | null;
  withdrawalOverdue: boolean;
  surveillance: { due: string; doneOn: string | null }[];
  pdfAvailable: boolean;
  pdfSigned: boolean;
  pdfSha256: string | null;
  publicUrl: string;
}

export interface ApplicationView {
  id: string;
  number: string;
  organizationId: string;
  status: string;
  tab: ListTab;
  revision: number;
  editable: boolean;
  allowedActions: string[];
  form: ApplicationForm;
  capacity: 'self' | 'organization' | null;
  applicantBin: string;
  applicantName: string;
  body: { bin: string; name: string } | null;
  standard: string | null;
  journalNumber: string | null;
  moderatorBlock: { note: string | null; updatedAt: string | null } | null;
  documents: AppDocument[];
  signatories: Signatory[];
  signed: boolean;
  timeline: TimelineEntry[];
  certificates: CertificateView[];
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RegistryItem {
  number: string;
  holderBin: string;
  holderName: string;
  bodyBin: string;
  bodyName: string;
  attestatNumber: string | null;
  standard: string;
  scope: string;
  issuedOn: string;
  validUntil: string;
  status: string;
}

export interface RegistryEntry extends RegistryItem {
  statusReason: string | null;
  surveillance: { due: string; doneOn: string | null }[];
  pdfAvailable: boolean;
  pdfSigned: boolean;
  pdfSha256: string | null;
  history: { action: string; toStatus: string; at: string }[];
}

export interface Body {
  bin: string;
  nameRu: string;
  nameKk: string | null;
  attestatNumber: string;
  validFrom: string;
  validTo: string;
  standards: string[];
}

export interface ListQuery {
  tab: ListTab;
  sort: SortKey;
  order: 'asc' | 'desc';
  q: string;
}

/** The API base of each workspace: the applicant's organisation, the body's organisation, the moderator. */
export const applicantBase = (orgId: string) => `/api/v1/organizations/${orgId}/certification/applications`;
export const queueBase = (orgId: string) => `/api/v1/organizations/${orgId}/certification/queue`;
export const moderatorBase = '/api/v1/moderator/certification/applications';

export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** One list (tab × sort × filter), page after page by keyset cursor. */
export function useApplicationList(base: string | null, query: ListQuery) {
  return useInfiniteQuery({
    queryKey: ['certification', 'list', base, query],
    enabled: !!base,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<ListPage>(`${base}${queryString({ ...query, cursor: pageParam, limit: 20 })}`),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useApplication(url: string | null) {
  return useQuery({
    queryKey: ['certification', 'application', url],
    enabled: !!url,
    queryFn: () => api<ApplicationView>(url as string),
  });
}

export function useStandards() {
  return useQuery({
    queryKey: ['certification', 'standards'],
    queryFn: async () => {
      const answer = await api<{ items: (string | { code: string })[] } | string[]>(
        '/api/v1/certification/standards',
      );
      const items = Array.isArray(answer) ? answer : answer.items;
      return items.map((s) => (typeof s === 'string' ? s : s.code));
    },
    staleTime: 10 * 60_000,
  });
}

export function useBodies(standard: string | undefined) {
  return useQuery({
    queryKey: ['certification', 'bodies', standard ?? ''],
    queryFn: async () =>
      (await api<{ items: Body[] }>(`/api/v1/certification/bodies${queryString({ standard })}`)).items,
  });
}

/** Uploads one file with progress (fetch has no upload progress; XMLHttpRequest does). */
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  csrfToken: string | undefined,
  language: string,
  onProgress: (fraction: number) => void,
): Promise<{ status: number; body: T | { error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      resolve({ status: xhr.status, body: body as T });
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}
