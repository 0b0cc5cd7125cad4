import { api } from '../../../api';
import type { CertificateInfo } from '../../../components/CertificateCard';
import { toE164 } from '../../../phone';
import type { MeUser } from '../../../queries';
import type { SignedAction } from '../../../signing';
import { AUTH_ROUTES } from '../auth-api';
import { effectiveKind, type LegalEntity, type WizardState } from './wizard-state';

export interface IdentifyAnswer {
  certificate: CertificateInfo;
  /** Refers to this identification in the registration (single use), when the server issues one. */
  identificationId?: string;
}

export const lookupLegalEntity = (bin: string) => api<LegalEntity>(AUTH_ROUTES.legalEntity(bin));

/** Step 2: the AUTH signature proves who registers; the server answers with the certificate's data. */
export const identify = (signed: SignedAction) =>
  api<IdentifyAnswer>(AUTH_ROUTES.identify, { method: 'POST', body: signed });

export interface RegistrationAnswer {
  user?: MeUser | null;
  email?: string | null;
  activationRequired?: boolean;
}

/** The body of POST /api/v1/registrations (DESIGN.md key route) from the wizard's state. */
export function registrationBody(state: WizardState, signed: SignedAction) {
  const kind = effectiveKind(state);
  const { contacts } = state;
  return {
    kind,
    ...signed,
    email: contacts.email.trim(),
    password: contacts.password,
    passwordRepeat: contacts.passwordRepeat,
    mobilePhone: toE164(contacts.mobilePhone) ?? contacts.mobilePhone,
    ...(contacts.workPhone.trim() ? { workPhone: toE164(contacts.workPhone) ?? contacts.workPhone } : {}),
    ...(kind !== 'individual' && state.bin ? { bin: state.bin } : {}),
    ...(state.employee && state.bin ? { employeeOfBin: state.bin } : {}),
    ...(state.identificationId ? { identificationId: state.identificationId } : {}),
  };
}

export const register = (body: ReturnType<typeof registrationBody>) =>
  api<RegistrationAnswer>(AUTH_ROUTES.registrations, { method: 'POST', body });
