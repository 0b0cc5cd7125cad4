import { Anchor, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import type { CertificateInfo } from '../../components/CertificateCard';
import { KeyFilterFields } from '../../components/KeyFilterFields';
import { type KeyFilter, useSign } from '../../signing';
import { type SignatureLoginAnswer, signatureLogin, signaturePasswordLogin } from './auth-api';
import { LoginErrorAlert } from './LoginErrorAlert';
import type { RegisterPrefill } from './register/wizard-state';
import { useSignedIn } from './use-signed-in';

type PasswordRequired = Extract<SignatureLoginAnswer, { result: 'password_required' }>;

/** «ЭЦП»: sign the server's challenge with the AUTH key; then signed in, or the password step (seed 001). */
export function SignatureLoginPanel() {
  const { t } = useTranslation();
  const sign = useSign();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<KeyFilter>({});
  const [pending, setPending] = useState<PasswordRequired | null>(null);

  const login = useMutation({
    mutationFn: async () => signatureLogin(await sign('login', filter)),
    onSuccess: (answer) => {
      if (answer.result === 'password_required') setPending(answer);
      else signedIn(answer.user);
    },
    onError: (error) => {
      // The certificate is valid but nobody registered with it: the wizard, prefilled (seed 001).
      if (error instanceof ApiError && error.code === 'account_not_found') {
        const certificate = error.body.certificate as CertificateInfo | undefined;
        const prefill: RegisterPrefill = { fromLogin: true, certificate };
        navigate('/register', { state: { prefill } });
      }
    },
  });

  if (pending) {
    return (
      <CertificatePasswordStep
        answer={pending}
        onOtherCertificate={() => {
          setPending(null);
          login.reset();
        }}
      />
    );
  }

  return (
    <Stack gap="md" maw={520}>
      <Text size="sm">{t('login.edsIntro')}</Text>
      <KeyFilterFields value={filter} onChange={setFilter} />
      {login.isError && <LoginErrorAlert error={login.error} />}
      <Group>
        <Button onClick={() => login.mutate()} loading={login.isPending}>
          {t('login.chooseCertificate')}
        </Button>
      </Group>
      <Text size="sm">
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to="/register">
          {t('login.registerLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}

/** Seed 001's «Подтверждение входа в систему»: Здравствуйте, ФИО / ОРГАНИЗАЦИЯ, enter the password. */
function CertificatePasswordStep({
  answer,
  onOtherCertificate,
}: {
  answer: PasswordRequired;
  onOtherCertificate: () => void;
}) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const [password, setPassword] = useState('');
  const { fullName, organization } = answer.greeting;
  const submit = useMutation({
    mutationFn: () => signaturePasswordLogin(answer.pendingLoginId, password),
    onSuccess: (result) => signedIn(result.user),
  });
  const wrongPassword = submit.error instanceof ApiError && submit.error.code === 'wrong_password';

  return (
    <form
      noValidate
      aria-labelledby="cert-password-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) submit.mutate();
      }}
    >
      <Stack gap="sm" maw={420}>
        <Title order={2} size="h3" id="cert-password-title">
          {t('login.confirmTitle')}
        </Title>
        <div>
          <Text>{t('login.hello')}</Text>
          <Text fw={700} data-testid="holder-name">
            {fullName}
          </Text>
          {organization && <Text data-testid="holder-organization">{organization}</Text>}
        </div>
        <Text size="sm">{t('login.enterPassword')}</Text>
        <PasswordInput
          label={t('login.passwordLabel')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={wrongPassword ? submit.error?.message : undefined}
          required
        />
        {submit.isError && !wrongPassword && <LoginErrorAlert error={submit.error} />}
        <Group>
          <Button type="submit" loading={submit.isPending} disabled={!password}>
            {t('login.submitShort')}
          </Button>
        </Group>
        <Stack gap={4}>
          <Anchor component="button" type="button" size="sm" onClick={onOtherCertificate}>
            {t('login.otherCertificate')}
          </Anchor>
          <Anchor component={Link} to="/password/forgot" size="sm">
            {t('login.forgotPassword')}
          </Anchor>
        </Stack>
      </Stack>
    </form>
  );
}
