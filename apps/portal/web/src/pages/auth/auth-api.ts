import { api } from '../../api';
import type { CertificateInfo } from '../../components/CertificateCard';
import type { MeUser } from '../../queries';
import type { SignedAction } from '../../signing';

/**
 * The identity routes the pages call (DESIGN.md key routes; docs/identity.md, docs/signatures.md). One
 * place, so a renamed route is one edit.
 */
export const AUTH_ROUTES = {
  passwordLogin: '/api/v1/auth/login/password',
  signatureLogin: '/api/v1/auth/login/signature',
  signaturePassword: '/api/v1/auth/login/certificate-password',
  otpRequest: '/api/v1/auth/otp/request',
  otpLogin: '/api/v1/auth/otp/verify',
  identify: '/api/v1/registrations/identify',
  registrations: '/api/v1/registrations',
  agreement: '/api/v1/registrations/agreement',
  activation: '/api/v1/auth/activate',
  resendActivation: '/api/v1/auth/activation/resend',
  changePassword: '/api/v1/me/password',
  legalEntity: (bin: string) => `/api/v1/registry/legal-entities/${encodeURIComponent(bin)}`,
} as const;

export interface UserAnswer {
  user: MeUser;
}

/**
 * Signature login: signed in, or (LOGIN_CERT_REQUIRES_PASSWORD, seed 001) the password step for the found
 * holder. 404 account_not_found carries the verified `certificate` (CertificateInfo) in the error.
 */
export type SignatureLoginAnswer =
  | { result: 'signed_in'; user: MeUser }
  | {
      result: 'password_required';
      /** Sent back with the password (single use, 5 minutes). */
      pendingLoginId: string;
      expiresAt: string;
      greeting: { fullName: string | null; organization: string | null };
    };

export type { CertificateInfo };

export const passwordLogin = (login: string, password: string) =>
  api<UserAnswer>(AUTH_ROUTES.passwordLogin, { method: 'POST', body: { login, password } });

export const signatureLogin = (signed: SignedAction) =>
  api<SignatureLoginAnswer>(AUTH_ROUTES.signatureLogin, { method: 'POST', body: signed });

export const signaturePasswordLogin = (pendingLoginId: string, password: string) =>
  api<UserAnswer>(AUTH_ROUTES.signaturePassword, { method: 'POST', body: { pendingLoginId, password } });

export interface OtpAnswer {
  /** Seconds the code stays valid (120 by default). */
  expiresInSeconds?: number;
}

export const requestOtp = (login: string) =>
  api<OtpAnswer>(AUTH_ROUTES.otpRequest, { method: 'POST', body: { login } });

export const otpLogin = (login: string, code: string) =>
  api<UserAnswer>(AUTH_ROUTES.otpLogin, { method: 'POST', body: { login, code } });

export const resendActivation = (login: string) =>
  api<unknown>(AUTH_ROUTES.resendActivation, { method: 'POST', body: { login } });

/** 200 { messageCode: 'email_activated', message }; 400 activation_link_invalid / activation_link_expired. */
export type ActivationAnswer = { messageCode: string; message: string };
export const activate = (token: string) =>
  api<ActivationAnswer>(AUTH_ROUTES.activation, { method: 'POST', body: { token } });

export const changePassword = (body: {
  currentPassword: string;
  newPassword: string;
  newPasswordRepeat: string;
}) => api<unknown>(AUTH_ROUTES.changePassword, { method: 'POST', body });
