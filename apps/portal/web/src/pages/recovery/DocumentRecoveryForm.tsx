import { Alert, Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../../error-text';
import { recoverByDocument } from './recovery-api';

/**
 * «Восстановление пароля через e-mail» (seed 002): «Выберите свой тип пользователя»; an individual gives IIN,
 * document number and issue date, a legal entity BIN and registration certificate number. All required.
 */
export function DocumentRecoveryForm() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'individual' | 'legal_entity'>('individual');
  const [iinBin, setIinBin] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [issueDate, setIssueDate] = useState('');
  const [registrationNumber, setRegistrationNumber] = useState('');
  const complete =
    iinBin.trim() && (kind === 'individual' ? documentNumber.trim() && issueDate : registrationNumber.trim());
  const send = useMutation({
    mutationFn: () =>
      recoverByDocument(
        kind === 'individual'
          ? { kind, iin: iinBin.trim(), documentNumber: documentNumber.trim(), issueDate }
          : { kind, bin: iinBin.trim(), registrationNumber: registrationNumber.trim() },
      ),
  });
  return (
    <form
      noValidate
      aria-label={t('recovery.method.document')}
      onSubmit={(event) => {
        event.preventDefault();
        if (complete) send.mutate();
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('recovery.userType')}
          value={kind}
          onChange={(value) => {
            setKind(value as typeof kind);
            send.reset();
          }}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="individual" label={t('recovery.individual')} />
            <Radio value="legal_entity" label={t('recovery.legalEntity')} />
          </Stack>
        </Radio.Group>
        <TextInput
          label={kind === 'individual' ? t('recovery.iin') : t('recovery.bin')}
          value={iinBin}
          onChange={(event) => setIinBin(event.currentTarget.value)}
          inputMode="numeric"
          maxLength={12}
          required
        />
        {kind === 'individual' ? (
          <>
            <TextInput
              label={t('recovery.documentNumber')}
              value={documentNumber}
              onChange={(event) => setDocumentNumber(event.currentTarget.value)}
              required
            />
            <TextInput
              type="date"
              label={t('recovery.issueDate')}
              value={issueDate}
              onChange={(event) => setIssueDate(event.currentTarget.value)}
              required
            />
          </>
        ) : (
          <TextInput
            label={t('recovery.registrationNumber')}
            value={registrationNumber}
            onChange={(event) => setRegistrationNumber(event.currentTarget.value)}
            required
          />
        )}
        <Text size="xs" c="dimmed">
          {t('recovery.allRequired')}
        </Text>
        <Button
          type="submit"
          loading={send.isPending}
          disabled={!complete}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('recovery.submit')}
        </Button>
        {send.isSuccess && (
          <Alert color="teal" role="status" data-state="sent">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{send.data.message}</Text>
              <Button component={Link} to="/login" size="xs">
                {t('recovery.toLogin')}
              </Button>
            </Stack>
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
