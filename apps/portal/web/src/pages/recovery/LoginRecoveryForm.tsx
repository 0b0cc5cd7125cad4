import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../error-text';
import { mailNewPassword, requestRecoveryLink } from './recovery-api';

/** By e-mail: a single-use link (seed 001) or a new password mailed at once (seed 000). Login or e-mail. */
export function LoginRecoveryForm({ kind }: { kind: 'link' | 'newPassword' }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const title = kind === 'link' ? t('recovery.method.link') : t('recovery.method.newPassword');
  const intro = kind === 'link' ? t('recovery.intro.link') : t('recovery.intro.newPassword');
  const send = useMutation({
    mutationFn: () => (kind === 'link' ? requestRecoveryLink(login.trim()) : mailNewPassword(login.trim())),
  });
  return (
    <form
      noValidate
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        if (login.trim()) send.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        <TextInput
          label={t('recovery.loginLabel')}
          placeholder={t('recovery.loginPlaceholder')}
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          required
        />
        <Button
          type="submit"
          loading={send.isPending}
          disabled={!login.trim()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('recovery.submit')}
        </Button>
        {send.isSuccess && (
          <Alert color="teal" role="status" data-state="sent">
            {send.data.message}
          </Alert>
        )}
        {send.isError && (
          <Alert color="red" role="alert">
            {errorText(t, send.error)}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
