import type { TFunction } from 'i18next';
import { type Language, LOCALE_TAGS } from '../../i18n';
import { ACTION_KEYS, CERTIFICATE_STATUS_KEYS, labelOf, STATUS_KEYS } from './keys';

/** Status codes of the state machine (docs/certification.md) → their names. */
export function statusText(t: TFunction, status: string): string {
  return labelOf(t, STATUS_KEYS, status);
}

export function certificateStatusText(t: TFunction, status: string): string {
  return labelOf(t, CERTIFICATE_STATUS_KEYS, status);
}

export type ActName = keyof typeof ACTION_KEYS;

export function actionText(t: TFunction, action: string): string {
  return labelOf(t, ACTION_KEYS, action);
}

export function statusColor(status: string): string {
  if (status === 'certificate_active' || status === 'active') return 'green';
  if (status === 'certificate_suspended' || status === 'suspended') return 'orange';
  if (['refused', 'decision_negative', 'certificate_withdrawn', 'withdrawn', 'expired'].includes(status))
    return 'red';
  if (['draft', 'signing', 'returned'].includes(status)) return 'gray';
  return 'blue';
}

export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(LOCALE_TAGS[(lang in LOCALE_TAGS ? lang : 'ru') as Language]);
}

export function formatDateTime(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(LOCALE_TAGS[(lang in LOCALE_TAGS ? lang : 'ru') as Language]);
}
