import { z } from 'zod';

const iinBin = z
  .string()
  .trim()
  .regex(/^\d{12}$/);

export const loginBody = z.object({ login: z.string().trim().min(1).max(254) });
export const tokenBody = z.object({ token: z.string().min(1).max(200) });
export const documentBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('individual'),
    iin: iinBin,
    documentNumber: z.string().trim().min(1).max(32),
    issueDate: z.iso.date(),
  }),
  z.object({
    kind: z.literal('legal_entity'),
    bin: iinBin,
    registrationNumber: z.string().trim().min(1).max(64),
  }),
]);
export const signatureBody = z.object({
  signingRequestId: z.string().min(1).max(64),
  cms: z.string().min(1).max(200_000),
  newPassword: z.string().max(256),
  newPasswordRepeat: z.string().max(256),
});
export const recoveryResponse = z.object({ messageCode: z.string(), message: z.string() });
