import { z } from 'zod';

/** The workstation's request (seed 002, step 3), signed as the UTF-8 bytes of its canonical JSON. */
export const operatorRequestSchema = z.object({
  requestId: z.string().min(8).max(100),
  iin: z.string().regex(/^\d{12}$/),
  email: z.email().max(254).optional(),
  mobile: z.string().regex(/^\+7\d{10}$/),
  action: z.enum(['register', 'reset_password']),
  timestamp: z.iso.datetime({ offset: true }),
});
export type OperatorRequest = z.infer<typeof operatorRequestSchema>;

const REQUEST_KEYS = ['requestId', 'iin', 'email', 'mobile', 'action', 'timestamp'] as const;

/**
 * Canonical form: the fields in this fixed order, absent optional ones left out, no whitespace
 * (JSON.stringify). Both sides produce the bytes with it; the portal refuses any other spelling, so one request
 * has exactly one signed form.
 */
export function canonicalOperatorJson(
  fields: Record<string, unknown>,
  keys: readonly string[] = REQUEST_KEYS,
) {
  const ordered: Record<string, unknown> = {};
  for (const k of keys) if (fields[k] !== undefined) ordered[k] = fields[k];
  return JSON.stringify(ordered);
}

export const RESPONSE_KEYS = [
  'requestId',
  'result',
  'login',
  'password',
  'portalUrl',
  'slipUrl',
  'timestamp',
] as const;
