import { z } from 'zod';

const explainedCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  title: z.string(),
  sentence: z.string(),
  reason: z.string().optional(),
});

export const signatureVerdictResponse = z.object({
  valid: z.boolean(),
  verdict: z.string(),
  failedCheck: z.string().nullable(),
  data: z.object({ filename: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
  signers: z.array(
    z.object({
      valid: z.boolean(),
      name: z.string().nullable(),
      iin: z.string().nullable(),
      bin: z.string().nullable(),
      organization: z.string().nullable(),
      email: z.string().nullable(),
      subjectKind: z.string().nullable(),
      roles: z.array(z.string()),
      certificate: z
        .object({
          serialNumber: z.string(),
          validFrom: z.string(),
          validTo: z.string(),
          issuer: z.string(),
          issuerDn: z.string(),
          subjectDn: z.string(),
          fingerprint: z.string(),
        })
        .nullable(),
      signingTime: z.string().nullable(),
      verificationTime: z.string(),
      timeSource: z.enum(['now', 'signing-time', 'timestamp']),
      checks: z.array(explainedCheck),
    }),
  ),
  checks: z.array(explainedCheck),
});
