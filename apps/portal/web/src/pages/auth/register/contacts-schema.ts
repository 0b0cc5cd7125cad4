import type { TFunction } from 'i18next';
import { z } from 'zod';
import { type PasswordPolicy, passwordPolicyMessage } from '../../../password-policy';
import { isKzMobile, toE164 } from '../../../phone';

/**
 * Step 3's rules, the same the server applies: a valid e-mail, a Kazakhstan mobile number, an optional work
 * phone, a password under the configured policy (every unmet rule listed) and its repetition.
 */
export function contactsSchema(t: TFunction, policy: PasswordPolicy) {
  return z
    .object({
      email: z
        .string()
        .trim()
        .min(1, t('validation.required'))
        .pipe(z.email(t('validation.email'))),
      mobilePhone: z.string().refine(isKzMobile, t('register.mobileFormat')),
      workPhone: z.string().refine((v) => !v.trim() || toE164(v) !== null, t('register.phoneFormat')),
      password: z.string().superRefine((value, ctx) => {
        const message = passwordPolicyMessage(t, policy, value);
        if (message) ctx.addIssue({ code: 'custom', message });
      }),
      passwordRepeat: z.string(),
    })
    .refine((v) => v.password === v.passwordRepeat, {
      path: ['passwordRepeat'],
      message: t('password.mismatch'),
    });
}
