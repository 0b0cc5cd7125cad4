import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../error-text';
import { queryKeys } from '../../queries';
import { requestEmployment } from './employees-api';

const TWELVE = /^\d{12}$/;

/** «Я являюсь сотрудником» for a signed-in person: a request by BIN the organisation's administrator decides. */
export function EmploymentRequestForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [bin, setBin] = useState('');
  const [position, setPosition] = useState('');
  const [tried, setTried] = useState(false);
  const request = useMutation({
    mutationFn: () => requestEmployment({ bin, ...(position.trim() ? { position: position.trim() } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="employment-request-title">
      <Title order={3} size="h4" id="employment-request-title" mb="xs">
        {t('employees.requestTitle')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('employees.requestIntro')}
      </Text>
      <form
        noValidate
        aria-labelledby="employment-request-title"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (TWELVE.test(bin)) request.mutate();
        }}
      >
        <Stack gap="sm">
          <Group align="flex-start" grow>
            <TextInput
              label={t('employees.employerBin')}
              required
              inputMode="numeric"
              value={bin}
              onChange={(event) => setBin(event.currentTarget.value.replace(/\D/g, '').slice(0, 12))}
              error={tried && !TWELVE.test(bin) ? t('employees.binFormat') : undefined}
            />
            <TextInput
              label={t('employees.position')}
              value={position}
              maxLength={200}
              onChange={(event) => setPosition(event.currentTarget.value)}
            />
          </Group>
          {request.isSuccess && (
            <Alert color="green" role="status">
              {request.data.message}
            </Alert>
          )}
          {request.isError && (
            <Alert color="red" role="alert">
              {errorText(t, request.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" variant="light" loading={request.isPending}>
              {t('employees.sendRequest')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
