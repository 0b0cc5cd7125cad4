import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DirectorySelect } from '../../../components/DirectorySelect';
import { KatoPicker } from '../../../components/KatoPicker';
import { errorText } from '../../../error-text';
import { applyServerFieldErrors } from '../../../form-errors';
import { usePageTitle } from '../../../page-title';
import { ManualRecordsPage } from './ManualRecordsPage';
import {
  type ContactInput,
  type ContactRow,
  deleteContact,
  fetchContacts,
  profileKeys,
  saveContact,
} from './profile-api';
import { SourceBadge } from './SourceBadge';

const FIELDS = ['countryCode', 'kato', 'street', 'house', 'apartment', 'phone'] as const;
const KAZAKHSTAN = '398';

function contactSchema(t: TFunction) {
  const required = z.string().trim().min(1, t('validation.required'));
  return z
    .object({
      countryCode: required,
      kato: z.string().trim(),
      street: required.max(200, t('validation.tooLong')),
      house: required.max(20, t('validation.tooLong')),
      apartment: z.string().max(20, t('validation.tooLong')),
      phone: z.string(),
    })
    .refine((v) => v.countryCode !== KAZAKHSTAN || v.kato.length > 0, {
      path: ['kato'],
      message: t('validation.required'),
    });
}

const CONTACT_TEXTS = {
  tableLabelKey: 'personal.tabs.contacts',
  addLabelKey: 'personal.contacts.add',
  emptyTextKey: 'personal.contacts.empty',
  actionsTitleKey: 'personal.contacts.actions',
  editLabelKey: 'personal.contacts.edit',
  deleteLabelKey: 'personal.contacts.delete',
  addTitleKey: 'personal.contacts.addTitle',
  editTitleKey: 'personal.contacts.editTitle',
  deleteTitleKey: 'personal.contacts.deleteTitle',
  confirmLabelKey: 'personal.contacts.ok',
  cancelLabelKey: 'personal.contacts.cancel',
} as const;

/** Личные данные → Контактные данные (seed 001): the registry address read-only, manual rows add / edit / delete. */
export function ContactsPage() {
  const { t } = useTranslation();
  usePageTitle(t('personal.tabs.contacts'));
  return (
    <ManualRecordsPage<ContactRow>
      queryKey={profileKeys.contacts}
      fetchRows={fetchContacts}
      deleteRow={deleteContact}
      texts={CONTACT_TEXTS}
      minWidth={640}
      columns={[
        { header: t('personal.contacts.countryCode'), cell: (row) => row.countryCode },
        { header: t('personal.contacts.country'), cell: (row) => row.countryName },
        { header: t('personal.contacts.address'), cell: (row) => row.address },
        { header: t('personal.contacts.phone'), cell: (row) => row.phone },
        { header: t('personal.contacts.source'), cell: (row) => <SourceBadge source={row.source} /> },
      ]}
      deleteConfirm={() => t('personal.contacts.deleteConfirm')}
      renderForm={(row, onDone) => <ContactForm row={row} onDone={onDone} />}
    />
  );
}

function ContactForm({ row, onDone }: { row: ContactRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<ContactInput>({
    resolver: zodResolver(contactSchema(t)),
    defaultValues: {
      countryCode: row?.countryCode ?? KAZAKHSTAN,
      kato: row?.kato ?? '',
      street: row?.street ?? '',
      house: row?.house ?? '',
      apartment: row?.apartment ?? '',
      phone: row?.phone ?? '',
    },
  });
  const { errors } = form.formState;
  const countryCode = form.watch('countryCode');
  const save = useMutation({
    mutationFn: (values: ContactInput) => saveContact(row?.id ?? null, values),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: profileKeys.contacts });
      onDone();
    },
    onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="countryCode"
          render={({ field }) => (
            <DirectorySelect
              kind="countries"
              label={t('personal.contacts.country')}
              required
              value={field.value || null}
              onChange={(code) => {
                field.onChange(code ?? '');
                // KATO is Kazakhstan's classifier: another country has none.
                if (code !== KAZAKHSTAN) form.setValue('kato', '');
              }}
              onBlur={field.onBlur}
              error={errors.countryCode?.message}
            />
          )}
        />
        {countryCode === KAZAKHSTAN && (
          <Controller
            control={form.control}
            name="kato"
            render={({ field }) => (
              <KatoPicker
                label={t('personal.contacts.kato')}
                required
                value={field.value || null}
                onChange={(code) => field.onChange(code ?? '')}
                error={errors.kato?.message}
              />
            )}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('personal.contacts.street')}
            required
            error={errors.street?.message}
            {...form.register('street')}
          />
          <TextInput
            label={t('personal.contacts.house')}
            required
            error={errors.house?.message}
            {...form.register('house')}
          />
          <TextInput
            label={t('personal.contacts.apartment')}
            error={errors.apartment?.message}
            {...form.register('apartment')}
          />
        </SimpleGrid>
        <TextInput
          label={t('personal.contacts.phoneField')}
          type="tel"
          inputMode="tel"
          error={errors.phone?.message}
          {...form.register('phone')}
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('personal.contacts.back')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('personal.contacts.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
