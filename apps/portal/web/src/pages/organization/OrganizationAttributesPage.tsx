import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DirectorySelect } from '../../components/DirectorySelect';
import { errorText } from '../../error-text';
import { applyServerFieldErrors } from '../../form-errors';
import { useOrganizationContext } from './OrganizationLayout';
import { orgKeys, saveAttributes } from './organization-api';

type AttributeValues = {
  kopf: string;
  form: string;
  kfs: string;
  kse: string;
  krp: string;
  resident: boolean;
  smallBusiness: boolean;
  mediumBusiness: boolean;
};
const FIELDS: Path<AttributeValues>[] = [
  'kopf',
  'form',
  'kfs',
  'kse',
  'krp',
  'resident',
  'smallBusiness',
  'mediumBusiness',
];

/** Профиль участника → Атрибуты участника (seed 001): КОПФ, form, ownership, sector, КРП and flags. */
export function OrganizationAttributesPage() {
  const { t } = useTranslation();
  const { organization: o, canEdit } = useOrganizationContext();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<AttributeValues>({
    defaultValues: {
      kopf: o.kopf ?? '',
      form: o.form ?? '',
      kfs: o.kfs ?? '',
      kse: o.kse ?? '',
      krp: o.krp ?? '',
      resident: o.resident,
      smallBusiness: o.smallBusiness,
      mediumBusiness: o.mediumBusiness,
    },
  });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (values: AttributeValues) => saveAttributes(o.id, values),
    onMutate: () => setSaved(null),
    onSuccess: ({ organization, message }) => {
      queryClient.setQueryData(orgKeys.profile(o.id), organization);
      setSaved(message);
    },
    onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS),
  });
  const directory = (name: 'kopf' | 'kfs' | 'kse' | 'krp', label: string, required = true) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <DirectorySelect
          kind={name}
          label={label}
          required={required}
          disabled={!canEdit}
          value={field.value || null}
          onChange={(code) => field.onChange(code ?? '')}
          onBlur={field.onBlur}
          error={errors[name]?.message}
        />
      )}
    />
  );
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <Stack gap="md">
        {saved && (
          <Alert color="green" role="status">
            {saved}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {directory('kopf', t('participant.fields.kopfFull'))}
          <TextInput
            label={t('participant.fields.form')}
            disabled={!canEdit}
            error={errors.form?.message}
            {...form.register('form')}
          />
          {directory('kfs', t('participant.fields.ownership'))}
          {directory('kse', t('participant.fields.sector'))}
          {directory('krp', t('participant.fields.krp'), false)}
        </SimpleGrid>
        <Stack gap={6}>
          <Checkbox
            label={t('participant.fields.resident')}
            disabled={!canEdit}
            {...form.register('resident')}
          />
          <Checkbox
            label={t('participant.fields.smallBusiness')}
            disabled={!canEdit}
            {...form.register('smallBusiness')}
          />
          <Checkbox
            label={t('participant.fields.mediumBusiness')}
            disabled={!canEdit}
            error={errors.mediumBusiness?.message}
            {...form.register('mediumBusiness')}
          />
        </Stack>
        {save.isError && !(save.error as { fields?: unknown }).fields && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('participant.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
