import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api';
import { KeyFilterFields } from '../../components/KeyFilterFields';
import { type KeyFilter, signingErrorText, useSign } from '../../signing';
import { recoverBySignature } from './recovery-api';

/**
 * «Восстановление пароля через ЭЦП» (seed 002): new password + confirmation, then the recovery request is
 * signed with the AUTH key whose IIN/BIN owns the account.
 */
export function SignatureRecoveryForm() {
  const { t } = useTranslation();
  const sign = useSign();
  const [filter, setFilter] = useState<KeyFilter>({});
  const [newPassword, setNewPassword] = useState('');
  const [newPasswordRepeat, setNewPasswordRepeat] = useState('');
  const send = useMutation({
    mutationFn: async () =>
      recoverBySignature({ ...(await sign('recovery', filter)), newPassword, newPasswordRepeat }),
  });
  const fields = send.error instanceof ApiError ? send.error.fields : undefined;
  return (
    <form
      noValidate
      aria-label={t('recovery.method.signature')}
      onSubmit={(event) => {
        event.preventDefault();
        if (newPassword && newPasswordRepeat) send.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('recovery.intro.signature')}</Text>
        <PasswordInput
          label={t('recovery.newPassword')}
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={fields?.newPassword}
          autoComplete="new-password"
          required
        />
        <PasswordInput
          label={t('recovery.newPasswordRepeat')}
          value={newPasswordRepeat}
          onChange={(event) => setNewPasswordRepeat(event.currentTarget.value)}
          error={fields?.newPasswordRepeat}
          autoComplete="new-password"
          required
        />
        <KeyFilterFields value={filter} onChange={setFilter} />
        <Text size="xs" c="dimmed">
          {t('recovery.allRequired')}
        </Text>
        <Button
          type="submit"
          loading={send.isPending}
          disabled={!newPassword || !newPasswordRepeat}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('recovery.chooseCertificate')}
        </Button>
        {send.isSuccess && (
          <Alert color="teal" role="status" data-state="changed">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{send.data.message}</Text>
              <Button component={Link} to="/login" size="xs">
                {t('recovery.toLogin')}
              </Button>
            </Stack>
          </Alert>
        )}
        {send.isError && !fields && (
          <Alert color="red" role="alert">
            {signingErrorText(t, send.error)}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
