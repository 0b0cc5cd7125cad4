import { z } from 'zod';

// Every setting comes from the environment (DESIGN.md, "Contracts"); a wrong value stops the start with one
// line naming the variable and what is expected.

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], { message: 'expected 1 or 0 (true/false)' })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL (${protocols.map((p) => p.replace(':', '://')).join(' or ')}…)` },
  );

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `expected an integer from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `expected an integer from ${min} to ${max}` });

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { message: 'expected development, production or test' })
    .default('development'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('tereze <no-reply@tereze.local>'),
  TRUSTED_CA_DIR: z.string().min(1).optional(),
  REVOCATION: z
    .enum(['ocsp', 'crl', 'ocsp+crl', 'off'], { message: 'expected ocsp, crl, ocsp+crl or off' })
    .default('ocsp+crl'),
  // egov (seed 002): 10 wrong passwords → 15 minutes; e-procurement (seed 001) uses 5 → 10.
  LOCKOUT_MAX_FAILURES: int(1, 1000).default(10),
  LOCKOUT_MINUTES: int(1, 10_080).default(15),
  SESSION_IDLE_MINUTES: int(1, 10_080).default(30),
  SESSION_ABSOLUTE_HOURS: int(1, 8_760).default(12),
  PASSWORD_POLICY: z
    .enum(['techreg', 'egz', 'egov'], { message: 'expected techreg, egz or egov' })
    .default('techreg'),
  DEMO: bool.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected a pino level (info, warn, …)',
    })
    .default('info'),
  RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(600),
  // Seed 001: after the AUTH certificate is verified, the account's password is asked too (docs/signatures.md).
  LOGIN_CERT_REQUIRES_PASSWORD: bool.default(false),
  ACTIVATION_LINK_HOURS: int(1, 720).default(24),
  OUTBOX_POLL_MS: int(50, 600_000).default(1000),
  // Service-centre (ЦОН) operator registration (docs/operator.md): authorised BINs, the portal's signing key.
  OPERATOR_BINS: z.string().default(''),
  PORTAL_SIGNING_P12: z.string().min(1).optional(),
  PORTAL_SIGNING_PASSWORD: z.string().optional(),
});

export type Config = Omit<z.output<typeof envSchema>, 'DEMO' | 'PUBLIC_URL'> & {
  DEMO: boolean;
  PUBLIC_URL: string;
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`Invalid configuration: ${variable} — ${expected}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  const c = parsed.data;
  return {
    ...c,
    // Demo parts (test CA, signer, registry data, dev outbox) are on unless production turns them off.
    DEMO: c.DEMO ?? c.NODE_ENV !== 'production',
    PUBLIC_URL: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
  };
}
