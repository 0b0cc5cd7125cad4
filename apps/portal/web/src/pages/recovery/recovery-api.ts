import { api } from '../../api';
import type { SignedAction } from '../../signing';

/** The recovery routes (docs/recovery.md). Every success answers { messageCode, message } in the user's language. */
export const RECOVERY_ROUTES = {
  link: '/api/v1/auth/recovery/link',
  confirmLink: '/api/v1/auth/recovery/link/confirm',
  newPassword: '/api/v1/auth/recovery/new-password',
  document: '/api/v1/auth/recovery/document',
  signature: '/api/v1/auth/recovery/signature',
} as const;

export interface RecoveryAnswer {
  messageCode: string;
  message: string;
}

const post = (path: string, body: unknown) => api<RecoveryAnswer>(path, { method: 'POST', body });

export const requestRecoveryLink = (login: string) => post(RECOVERY_ROUTES.link, { login });
export const confirmRecoveryLink = (token: string) => post(RECOVERY_ROUTES.confirmLink, { token });
export const mailNewPassword = (login: string) => post(RECOVERY_ROUTES.newPassword, { login });
export type DocumentRecovery =
  | { kind: 'individual'; iin: string; documentNumber: string; issueDate: string }
  | { kind: 'legal_entity'; bin: string; registrationNumber: string };
export const recoverByDocument = (body: DocumentRecovery) => post(RECOVERY_ROUTES.document, body);
export const recoverBySignature = (body: SignedAction & { newPassword: string; newPasswordRepeat: string }) =>
  post(RECOVERY_ROUTES.signature, body);
