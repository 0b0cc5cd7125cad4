/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, arrays in order, undefined members
 * left out. One value has exactly one spelling, so the bytes a signatory signs can be rebuilt and compared.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const canonicalBytes = (value: unknown): Uint8Array => new TextEncoder().encode(canonicalJson(value));

/** Format markers inside the signed JSON: an application signature cannot be replayed as an act, nor vice versa. */
export const APPLICATION_FORMAT = 'tereze.certification.application.v1';
export const ACT_FORMAT = 'tereze.certification.act.v1';
