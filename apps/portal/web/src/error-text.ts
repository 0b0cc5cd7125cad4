import type { TFunction } from 'i18next';
import { ApiError } from './api';

/**
 * Text for an error shown to the user. The server already answers in the user's language (Accept-Language
 * and the lang cookie); only failures without a server message are phrased here.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    if (error.code === `http_${error.status}`) return t('errors.unexpected', { status: error.status });
    return error.message;
  }
  return t('errors.unexpected', { status: '?' });
}
