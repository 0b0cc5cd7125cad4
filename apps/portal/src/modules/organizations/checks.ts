import { isValidIin } from '@tereze/pki';
import type { Db } from '../../db/client';
import type { AppContext } from '../../server/context';
import { AppError } from '../../server/errors';
import { type Language, translate } from '../../server/i18n/messages';

/**
 * Field-level checks (ФЛК, seed 001 «Подтверждаю данные»): every rule runs and every failure is collected,
 * so the form shows all errors at once; `throwIfAny` refuses with 400 validation_failed listing them.
 */
export function fieldChecks(lang: Language) {
  const errors: Record<string, string> = {};
  const fail = (field: string, code: string, params?: Record<string, unknown>) => {
    errors[field] ??= translate(lang, code, params);
  };
  const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

  return {
    errors,
    fail,
    /** Trimmed value or null; `required` reports an empty one, `max` a long one. */
    text(field: string, value: string | null | undefined, opts: { required?: boolean; max?: number } = {}) {
      const max = opts.max ?? 255;
      if (blank(value)) {
        if (opts.required) fail(field, 'org_field_required');
        return null;
      }
      const v = value!.trim();
      if (v.length > max) fail(field, 'org_field_too_long', { max });
      return v;
    },
    /** A past-or-today date `YYYY-MM-DD` (state registration). */
    date(field: string, value: string | null | undefined, today: Date, required = true) {
      if (blank(value)) {
        if (required) fail(field, 'org_field_required');
        return null;
      }
      const v = value!.trim();
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
      const valid = parsed && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === v;
      if (!valid || parsed.getTime() > today.getTime()) {
        fail(field, 'org_field_date');
        return null;
      }
      return v;
    },
    email(field: string, value: string | null | undefined, required = true) {
      const v = this.text(field, value, { required, max: 254 });
      if (v && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) fail(field, 'org_field_email');
      return v?.toLowerCase() ?? null;
    },
    site(field: string, value: string | null | undefined) {
      const v = this.text(field, value, { max: 255 });
      if (!v) return null;
      const withScheme = /^https?:\/\//i.test(v) ? v : `https://${v}`;
      try {
        const url = new URL(withScheme);
        if (!url.hostname.includes('.')) throw new Error('host');
        return withScheme;
      } catch {
        fail(field, 'org_field_site');
        return null;
      }
    },
    /** One or more numbers separated by commas («Телефоны, факс»); each 6–20 digits. */
    phones(field: string, value: string | null | undefined, required = false) {
      const v = this.text(field, value, { required, max: 255 });
      if (!v) return null;
      const ok = v
        .split(/[,;]/)
        .map((p) => p.trim())
        .every(
          (p) =>
            /^[+\d\s()-]+$/.test(p) && p.replace(/\D/g, '').length >= 6 && p.replace(/\D/g, '').length <= 20,
        );
      if (!ok) fail(field, 'org_field_phone');
      return v;
    },
    iin(field: string, value: string | null | undefined, required = true) {
      const v = this.text(field, value, { required, max: 12 });
      if (v && !isValidIin(v)) fail(field, 'org_field_iin');
      return v;
    },
    digits(field: string, value: string | null | undefined, length: number, code: string, required = false) {
      const v = this.text(field, value, { required, max: length });
      if (v && !new RegExp(`^\\d{${length}}$`).test(v)) fail(field, code);
      return v;
    },
    throwIfAny() {
      if (Object.keys(errors).length) throw new AppError(400, 'validation_failed', {}, { ...errors });
    },
  };
}

export type FieldChecks = ReturnType<typeof fieldChecks>;

export type ClassifierKind = 'countries' | 'kato' | 'kopf' | 'kfs' | 'kse' | 'krp' | 'oked';

interface DirectoryLookup {
  get(kind: ClassifierKind, code: string, tx?: Db): Promise<{ active: boolean } | null>;
}

/** The code shapes used when the directories module is not available (a bare portal, or before it existed). */
const CODE_SHAPES: Record<ClassifierKind, RegExp> = {
  countries: /^\d{3}$/,
  kato: /^\d{9}$/,
  kopf: /^\d{1,4}$/,
  kfs: /^\d{1,3}$/,
  kse: /^\d{1,6}$/,
  krp: /^\d{3}$/,
  oked: /^\d{2,5}(\.\d)?$/,
};

/**
 * Is `code` a known (active) entry of the classifier? Asks ctx.directories when the portal has it; otherwise
 * only the code's shape is checked. Collects instead of throwing (ФЛК reports every field at once).
 */
export function classifierChecker(app: () => AppContext) {
  return async (checks: FieldChecks, field: string, kind: ClassifierKind, code: string | null) => {
    if (code && !(await isKnownCode(app(), kind, code))) checks.fail(field, 'org_field_code');
  };
}

/** True when the classifier has the code (active); the shape alone when the portal has no directories. */
export async function isKnownCode(ctx: AppContext, kind: ClassifierKind, code: string): Promise<boolean> {
  const directories = (ctx as { directories?: DirectoryLookup }).directories;
  return directories ? (await directories.get(kind, code))?.active === true : CODE_SHAPES[kind].test(code);
}
