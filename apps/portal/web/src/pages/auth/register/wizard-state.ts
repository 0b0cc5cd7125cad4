import type { CertificateInfo } from '../../../components/CertificateCard';

export const REGISTRATION_KINDS = ['individual', 'legal_entity', 'certification_body'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

/** What the login page hands over when a certificate has no account yet (seed 001). */
export interface RegisterPrefill {
  fromLogin?: boolean;
  certificate?: CertificateInfo;
}

/** The public registry data of the organisation found by «Найти» (GET /api/v1/registry/legal-entities/:bin). */
export interface LegalEntity {
  bin: string;
  kind: string;
  nameRu: string;
  nameKk: string;
  shortNameRu: string;
  shortNameKk: string;
  registrationNumber: string;
  registrationDate: string;
  legalAddress: { text: string };
  isCertificationBody: boolean;
}

export interface ContactValues {
  email: string;
  mobilePhone: string;
  workPhone: string;
  password: string;
  passwordRepeat: string;
}

export interface WizardState {
  /** The type chosen in step 1 (Физическое лицо / Юридическое лицо / Орган по сертификации). */
  kind: RegistrationKind;
  accepted: boolean;
  /** Step 2, techreg style: BIN → «Найти», or IIN with «Я являюсь физическим лицом (не ИП)». */
  bin: string;
  iin: string;
  asIndividual: boolean;
  employee: boolean;
  organization: LegalEntity | null;
  certificate: CertificateInfo | null;
  contacts: ContactValues;
}

export const emptyContacts: ContactValues = {
  email: '',
  mobilePhone: '',
  workPhone: '',
  password: '',
  passwordRepeat: '',
};

export function initialWizardState(prefill?: RegisterPrefill): WizardState {
  const certificate = prefill?.certificate ?? null;
  const orgCertificate = !!certificate?.bin && certificate.subjectKind !== 'individual';
  return {
    kind: orgCertificate ? 'legal_entity' : 'individual',
    accepted: false,
    bin: orgCertificate ? (certificate?.bin ?? '') : '',
    iin: certificate?.iin ?? '',
    asIndividual: false,
    employee: false,
    organization: null,
    certificate,
    contacts: { ...emptyContacts, email: certificate?.email?.toLowerCase() ?? '' },
  };
}

/** The account kind actually registered: «Я являюсь физическим лицом» and «сотрудником» make it personal. */
export function effectiveKind(state: WizardState): RegistrationKind {
  if (state.kind !== 'individual' && (state.asIndividual || state.employee)) return 'individual';
  return state.kind;
}

/** Whether step 2 asks for a BIN (organisation) rather than an IIN. */
export function asksForBin(state: WizardState): boolean {
  return state.kind !== 'individual' && !state.asIndividual;
}
