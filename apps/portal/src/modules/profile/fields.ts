import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';

/** Collects every field's refusal (first message per field, in the request's language), then throws them together. */
export function fieldErrors(lang: Language) {
  const fields: Record<string, string> = {};
  return {
    add(field: string, code: string, params?: Record<string, unknown>) {
      fields[field] ??= translate(lang, code, params);
    },
    has: (field: string) => field in fields,
    throwIfAny() {
      if (Object.keys(fields).length) throw new AppError(400, 'validation_failed', {}, fields);
    },
  };
}

export type FieldErrors = ReturnType<typeof fieldErrors>;

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today's date in Kazakhstan (UTC+5, one zone since 2024), for "not in the future" rules. */
export const kzToday = (now: Date) => new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);

/** Empty strings from forms mean "not given". */
export const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
