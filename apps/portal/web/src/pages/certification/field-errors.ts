import type { TFunction } from 'i18next';
import { FIELD_ERROR_KEYS, labelOf } from './keys';

export function fieldErrorText(t: TFunction, code: string): string {
  return labelOf(t, FIELD_ERROR_KEYS, code);
}
