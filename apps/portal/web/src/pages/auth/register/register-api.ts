import { api } from '../../../api';
import type { CertificateInfo } from '../../../components/CertificateCard';
import { toE164 } from '../../../phone';
import type { SignedAction } from '../../../signing';
import { AUTH_ROUTES } from '../auth-api';
import { effectiveKind, type LegalEntity, type WizardState } from './wizard-state';

export interface IdentifyAnswer {
  certificate: CertificateInfo;
}

export const lookupLegalEntity = (bin: string) => api<LegalEntity>(AUTH_ROUTES.legalEntity(bin));

/** Step 2: the AUTH signature proves who registers; the server answers with the certificate's data. */
export const identify = (signed: SignedAction) =>
  api<IdentifyAnswer>(AUTH_ROUTES.identify, { method: 'POST', body: signed });

/** 201: «Регистрация в системе прошла успешно»; the account works once the e-mailed link is followed. */
export interface RegistrationAnswer {
  messageCode: 'registration_succeeded';
  message: string;
  activationRequired: true;
  email: string;
}

/**
 * The body of POST /api/v1/registrations (DESIGN.md key route; docs/signatures.md) from the wizard's state.
 * «Я являюсь сотрудником» registers the person's own account and asks the organisation's administrator to admit it.
 */
export function registrationBody(state: WizardState, signed: SignedAction) {
  const kind = effectiveKind(state);
  const { contacts } = state;
  const work = contacts.workPhone.trim() ? (toE164(contacts.workPhone) ?? contacts.workPhone) : undefined;
  return {
    kind,
    ...signed,
    email: contacts.email.trim(),
    password: contacts.password,
    passwordRepeat: contacts.passwordRepeat,
    phones: { mobile: toE164(contacts.mobilePhone) ?? contacts.mobilePhone, ...(work ? { work } : {}) },
    acceptAgreement: true as const,
    ...(kind !== 'individual' && state.bin ? { bin: state.bin } : {}),
    // «Я являюсь сотрудником»: the organisation's administrator is asked to admit the new account.
    ...(kind === 'individual' && state.employee && state.bin ? { employerBin: state.bin } : {}),
  };
}

/** The registration route's field names that are step 3's fields under another name. */
export const SERVER_FIELD_ALIASES: Record<string, string> = {
  'phones.mobile': 'mobilePhone',
  phone: 'mobilePhone',
  'phones.work': 'workPhone',
};

export const register = (body: ReturnType<typeof registrationBody>) =>
  api<RegistrationAnswer>(AUTH_ROUTES.registrations, { method: 'POST', body });
