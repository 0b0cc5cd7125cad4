import { Anchor, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../../page-title';
import { DocumentRecoveryForm } from './DocumentRecoveryForm';
import { LoginRecoveryForm } from './LoginRecoveryForm';
import { SignatureRecoveryForm } from './SignatureRecoveryForm';

const METHODS = ['link', 'newPassword', 'document', 'signature'] as const;
type Method = (typeof METHODS)[number];

/**
 * /password/forgot — «Восстановление пароля»: 1. choose the kind of recovery, 2. recover. By e-mail link
 * (seed 001), new password by e-mail (seed 000), by IIN/BIN + document data (seed 002), by ЭЦП (seed 002).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('recovery.title'));
  const [method, setMethod] = useState<Method>('link');
  const labels: Record<Method, string> = {
    link: t('recovery.method.link'),
    newPassword: t('recovery.method.newPassword'),
    document: t('recovery.method.document'),
    signature: t('recovery.method.signature'),
  };
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('recovery.title')}</Title>
      <Radio.Group
        label={t('recovery.chooseMethod')}
        value={method}
        onChange={(value) => setMethod(value as Method)}
      >
        <Stack gap="xs" mt="xs">
          {METHODS.map((m) => (
            <Radio key={m} value={m} label={labels[m]} data-method={m} />
          ))}
        </Stack>
      </Radio.Group>
      {method === 'link' && <LoginRecoveryForm key="link" kind="link" />}
      {method === 'newPassword' && <LoginRecoveryForm key="newPassword" kind="newPassword" />}
      {method === 'document' && <DocumentRecoveryForm />}
      {method === 'signature' && <SignatureRecoveryForm />}
      <Text size="sm">
        <Anchor component={Link} to="/login">
          {t('recovery.toLogin')}
        </Anchor>
      </Text>
    </Stack>
  );
}
