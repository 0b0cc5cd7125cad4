import { z } from 'zod';
import { SIGNING_PURPOSES } from './purposes';

export const signingRequestBody = z.object({
  purpose: z.enum(SIGNING_PURPOSES),
  /** The document / application signed about (document purposes). */
  subjectId: z.string().trim().min(1).max(200).optional(),
});

export const signingRequestResponse = z.object({
  id: z.uuid(),
  purpose: z.enum(SIGNING_PURPOSES),
  subjectId: z.string().nullable(),
  /** The exact bytes to sign, base64 (give it to NCALayer's createCAdESFromBase64 as is). */
  dataBase64: z.string(),
  expiresAt: z.string(),
  /** The key the signature must be made with. */
  key: z.enum(['AUTH', 'SIGN']),
});

/** What every signed action sends. The CMS: PEM, base64 DER (NCALayer) or DER base64; attached content. */
export const signedActionFields = {
  signingRequestId: z.string().trim().min(1).max(64),
  cms: z
    .string()
    .min(1)
    .max(64 * 1024),
};

export const errorResponse = z.object({
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      check: z.string().optional(),
      reason: z.string().optional(),
      fields: z.record(z.string(), z.string()).optional(),
    })
    .loose(),
});
