import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isBic } from '../../../../src/modules/banking/iban';
import { DirectorySelect } from '../../components/DirectorySelect';
import { KatoPicker } from '../../components/KatoPicker';
import { errorText } from '../../error-text';
import { applyServerFieldErrors } from '../../form-errors';
import { useSubmitBankRequest } from './banking-api';

function requestSchema(t: TFunction) {
  const required = z.string().trim().min(1, t('validation.required'));
  return z.object({
    nameKk: required,
    nameRu: required,
    bankCode: z
      .string()
      .trim()
      .regex(/^\d{3}$/, t('banking.requests.bankCodeInvalid')),
    bic: z
      .string()
      .trim()
      .refine((v) => isBic(v.toUpperCase()), t('banking.requests.bicInvalid')),
    countryCode: required,
    kato: z.string(),
    addressKk: required,
    addressRu: required,
    confirmationInfo: required,
    headOffice: z.boolean(),
    resident: z.boolean(),
  });
}
type RequestValues = z.infer<ReturnType<typeof requestSchema>>;
const FIELDS = [
  'nameKk',
  'nameRu',
  'bankCode',
  'bic',
  'countryCode',
  'kato',
  'addressKk',
  'addressRu',
  'confirmationInfo',
] as const;

/**
 * «Добавление банка» (seed 001): the fields of a new bank, «Отправить на утверждение» → «Данные успешно
 * отправлены администратору», «Закрыть».
 */
export function BankRequestForm(props: { organizationId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const submit = useSubmitBankRequest();
  const form = useForm<RequestValues>({
    resolver: zodResolver(requestSchema(t)),
    defaultValues: {
      nameKk: '',
      nameRu: '',
      bankCode: '',
      bic: '',
      countryCode: '398',
      kato: '',
      addressKk: '',
      addressRu: '',
      confirmationInfo: '',
      headOffice: false,
      resident: true,
    },
  });
  const { errors } = form.formState;

  if (submit.isSuccess)
    return (
      <Stack gap="md">
        <Alert color="teal" role="status">
          {submit.data.message}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={props.onClose}>{t('banking.requests.close')}</Button>
        </Group>
      </Stack>
    );

  const onSubmit = form.handleSubmit((values) =>
    submit.mutate(
      {
        ...values,
        bic: values.bic.toUpperCase(),
        kato: values.kato || null,
        ...(props.organizationId ? { organizationId: props.organizationId } : {}),
      },
      { onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS) },
    ),
  );

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput
          label={t('banking.requests.nameKk')}
          required
          error={errors.nameKk?.message}
          {...form.register('nameKk')}
        />
        <TextInput
          label={t('banking.requests.nameRu')}
          required
          error={errors.nameRu?.message}
          {...form.register('nameRu')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('banking.requests.bankCode')}
            required
            maxLength={3}
            inputMode="numeric"
            error={errors.bankCode?.message}
            {...form.register('bankCode')}
          />
          <TextInput
            label={t('banking.requests.bic')}
            required
            maxLength={11}
            error={errors.bic?.message}
            {...form.register('bic')}
          />
        </Group>
        <Controller
          control={form.control}
          name="countryCode"
          render={({ field }) => (
            <DirectorySelect
              kind="countries"
              label={t('banking.requests.country')}
              required
              value={field.value || null}
              onChange={(code) => field.onChange(code ?? '')}
              error={errors.countryCode?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="kato"
          render={({ field }) => (
            <KatoPicker
              label={t('banking.requests.kato')}
              value={field.value || null}
              onChange={(code) => field.onChange(code ?? '')}
              error={errors.kato?.message}
            />
          )}
        />
        <Textarea
          label={t('banking.requests.addressKk')}
          required
          autosize
          minRows={2}
          error={errors.addressKk?.message}
          {...form.register('addressKk')}
        />
        <Textarea
          label={t('banking.requests.addressRu')}
          required
          autosize
          minRows={2}
          error={errors.addressRu?.message}
          {...form.register('addressRu')}
        />
        <Textarea
          label={t('banking.requests.confirmationInfo')}
          required
          autosize
          minRows={2}
          error={errors.confirmationInfo?.message}
          {...form.register('confirmationInfo')}
        />
        <Controller
          control={form.control}
          name="headOffice"
          render={({ field }) => (
            <Checkbox
              label={t('banking.requests.headOffice')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="resident"
          render={({ field }) => (
            <Checkbox
              label={t('banking.requests.resident')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
        {submit.isError && (
          <Alert color="red" role="alert">
            {errorText(t, submit.error)}
          </Alert>
        )}
        <Text size="xs" c="gray.7">
          {t('banking.requests.formHint')}
        </Text>
        <Group justify="space-between">
          <Button type="submit" loading={submit.isPending}>
            {t('banking.requests.send')}
          </Button>
          <Button variant="default" onClick={props.onClose}>
            {t('banking.requests.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
