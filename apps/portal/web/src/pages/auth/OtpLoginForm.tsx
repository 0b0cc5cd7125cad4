import { Anchor, Button, Group, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown, useSecondsLeft } from '../../countdown';
import { otpLogin, requestOtp } from './auth-api';
import { LoginErrorAlert } from './LoginErrorAlert';
import { useSignedIn } from './use-signed-in';

/** Validity the issue names for the SMS code, used when the server does not say. */
const DEFAULT_OTP_SECONDS = 120;
const CODE_LENGTH = 6;

/**
 * «Одноразовый пароль»: a 6-digit code by SMS to the registered mobile, valid 120 s with a visible countdown
 * (routes: POST /api/v1/auth/otp/request {login} → {expiresInSeconds}; POST /api/v1/auth/otp/verify {login, code}).
 */
export function OtpLoginForm() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [deadline, setDeadline] = useState<number | undefined>(undefined);
  const secondsLeft = useSecondsLeft(deadline);

  const send = useMutation({
    mutationFn: () => requestOtp(login.trim()),
    onSuccess: (answer) => {
      setCode('');
      setDeadline(Date.now() + (answer.expiresInSeconds ?? DEFAULT_OTP_SECONDS) * 1000);
    },
  });
  const verify = useMutation({
    mutationFn: () => otpLogin(login.trim(), code),
    onSuccess: (answer) => signedIn(answer.user),
  });
  const codeSent = deadline !== undefined;
  const expired = codeSent && secondsLeft === 0;

  return (
    <Stack gap="md" maw={420}>
      <Text size="sm">{t('otp.intro')}</Text>
      <form
        noValidate
        aria-label={t('otp.requestForm')}
        onSubmit={(event) => {
          event.preventDefault();
          if (login.trim()) send.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('otp.loginLabel')}
            description={t('otp.loginHint')}
            autoComplete="username"
            inputMode="numeric"
            required
            value={login}
            onChange={(event) => setLogin(event.currentTarget.value)}
            disabled={codeSent && !expired}
          />
          {(!codeSent || expired) && (
            <Group>
              <Button
                type="submit"
                variant={codeSent ? 'default' : 'filled'}
                loading={send.isPending}
                disabled={!login.trim()}
              >
                {codeSent ? t('otp.resend') : t('otp.send')}
              </Button>
            </Group>
          )}
          {send.isError && <LoginErrorAlert error={send.error} />}
        </Stack>
      </form>

      {codeSent && (
        <form
          noValidate
          aria-label={t('otp.codeForm')}
          onSubmit={(event) => {
            event.preventDefault();
            if (code.length === CODE_LENGTH && !expired) verify.mutate();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" role="status">
              {t('otp.sent')}
            </Text>
            <div>
              <Text size="sm" fw={500} mb={4} id="otp-code-label">
                {t('otp.codeLabel')}
              </Text>
              <PinInput
                length={CODE_LENGTH}
                type="number"
                oneTimeCode
                value={code}
                onChange={setCode}
                disabled={expired}
                aria-label={t('otp.codeLabel')}
              />
            </div>
            <Text size="sm" c={expired ? 'red.8' : 'gray.8'} data-testid="otp-countdown" aria-live="polite">
              {expired ? t('otp.expired') : t('otp.validFor', { time: formatCountdown(secondsLeft ?? 0) })}
            </Text>
            {verify.isError && <LoginErrorAlert error={verify.error} login={login.trim()} />}
            <Group>
              <Button
                type="submit"
                loading={verify.isPending}
                disabled={code.length !== CODE_LENGTH || expired}
              >
                {t('login.submitShort')}
              </Button>
              {!expired && (
                <Anchor component="button" type="button" size="sm" onClick={() => setDeadline(undefined)}>
                  {t('otp.changeLogin')}
                </Anchor>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
