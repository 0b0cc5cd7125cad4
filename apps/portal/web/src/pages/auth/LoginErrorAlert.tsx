import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { formatCountdown, useSecondsLeft } from '../../countdown';
import { errorText } from '../../error-text';
import { signingErrorText } from '../../signing';
import { resendActivation } from './auth-api';

/**
 * A failed login: the server's message (already in the user's language) plus what the seeds add — the
 * remaining lock time for 423 login_locked, «Отправить письмо повторно» for an unactivated email.
 */
export function LoginErrorAlert({ error, login }: { error: unknown; login?: string }) {
  const { t } = useTranslation();
  const retryAfter = error instanceof ApiError ? error.retryAfterSeconds : undefined;
  // The deadline is fixed when the error arrives, so the countdown does not restart on re-render.
  const deadline = useMemo(
    () => (retryAfter === undefined ? undefined : Date.now() + retryAfter * 1000),
    [retryAfter],
  );
  const secondsLeft = useSecondsLeft(deadline);
  const resend = useMutation({ mutationFn: (value: string) => resendActivation(value) });
  const code = error instanceof ApiError ? error.code : undefined;

  return (
    <Alert color={code === 'email_not_activated' ? 'yellow' : 'red'} role="alert" data-code={code}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{signingErrorText(t, error)}</Text>
        {code === 'login_locked' && secondsLeft !== undefined && (
          <Text size="sm" fw={500} data-testid="lock-remaining">
            {secondsLeft > 0
              ? t('login.lockedRemaining', { time: formatCountdown(secondsLeft) })
              : t('login.lockedOver')}
          </Text>
        )}
        {code === 'email_not_activated' && login && (
          <>
            <Button
              size="xs"
              variant="default"
              loading={resend.isPending}
              onClick={() => resend.mutate(login)}
            >
              {t('login.resendActivation')}
            </Button>
            {resend.isSuccess && (
              <Text size="sm" role="status">
                {t('login.resendActivationDone')}
              </Text>
            )}
            {resend.isError && (
              <Text size="sm" c="red.8" role="status">
                {errorText(t, resend.error)}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Alert>
  );
}
