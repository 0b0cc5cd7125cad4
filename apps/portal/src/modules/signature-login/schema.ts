import { z } from 'zod';
import { userSchema } from '../identity/schema';
import { signedActionFields } from '../signatures/schema';

export const signatureLoginBody = z.object(signedActionFields);

export const signatureLoginResponse = z.discriminatedUnion('result', [
  z.object({ result: z.literal('signed_in'), user: userSchema }),
  z.object({
    result: z.literal('password_required'),
    /** Send it back with the password to POST /api/v1/auth/login/certificate-password (single use, 5 min). */
    pendingLoginId: z.string(),
    expiresAt: z.string(),
    /** Seed 001: «Здравствуйте ФАМИЛИЯ ИМЯ ОТЧЕСТВО / ОРГАНИЗАЦИЯ — Для входа в систему введите пароль». */
    greeting: z.object({ fullName: z.string().nullable(), organization: z.string().nullable() }),
  }),
]);

export const certificatePasswordBody = z.object({
  pendingLoginId: z.string().trim().min(1).max(128),
  password: z.string().min(1).max(1024),
});

export const certificatePasswordResponse = z.object({ user: userSchema });
