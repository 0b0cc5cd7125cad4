import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DirectorySelect } from '../../../components/DirectorySelect';
import { KatoPicker } from '../../../components/KatoPicker';
import { PageLoader } from '../../../components/PageLoader';
import { errorText } from '../../../error-text';
import { applyServerFieldErrors } from '../../../form-errors';
import { usePageTitle } from '../../../page-title';
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

/** Личные данные → Контактные данные (seed 001): the registry address read-only, manual rows add / edit / delete. */
export function ContactsPage() {
  const { t } = useTranslation();
  usePageTitle(t('personal.tabs.contacts'));
  const queryClient = useQueryClient();
  const contacts = useQuery({ queryKey: profileKeys.contacts, queryFn: fetchContacts });
  const [editing, setEditing] = useState<ContactRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ContactRow | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteContact(id),
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: profileKeys.contacts });
    },
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="gray.7">
          {t('personal.documents.readOnlyHint')}
        </Text>
        <Button onClick={() => setEditing('new')}>{t('personal.contacts.add')}</Button>
      </Group>
      {contacts.isPending && <PageLoader />}
      {contacts.isError && (
        <Alert color="red" role="alert">
          {errorText(t, contacts.error)}
        </Alert>
      )}
      {remove.isError && (
        <Alert color="red" role="alert">
          {errorText(t, remove.error)}
        </Alert>
      )}
      {contacts.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" aria-label={t('personal.tabs.contacts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('personal.contacts.countryCode')}</Table.Th>
                <Table.Th>{t('personal.contacts.country')}</Table.Th>
                <Table.Th>{t('personal.contacts.address')}</Table.Th>
                <Table.Th>{t('personal.contacts.phone')}</Table.Th>
                <Table.Th>{t('personal.contacts.source')}</Table.Th>
                <Table.Th>{t('personal.contacts.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>{t('personal.contacts.empty')}</Table.Td>
                </Table.Tr>
              )}
              {contacts.data.map((row) => (
                <Table.Tr key={row.id} data-source={row.source}>
                  <Table.Td>{row.countryCode}</Table.Td>
                  <Table.Td>{row.countryName}</Table.Td>
                  <Table.Td>{row.address}</Table.Td>
                  <Table.Td>{row.phone}</Table.Td>
                  <Table.Td>
                    <SourceBadge source={row.source} />
                  </Table.Td>
                  <Table.Td>
                    {row.editable && (
                      <Stack gap={4} align="flex-start">
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(row)}>
                          {t('personal.contacts.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          onClick={() => setDeleting(row)}
                        >
                          {t('personal.contacts.delete')}
                        </Button>
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        // No title while closing: the dialog fades out after `editing` is cleared.
        title={
          editing === null
            ? undefined
            : editing === 'new'
              ? t('personal.contacts.addTitle')
              : t('personal.contacts.editTitle')
        }
        size="lg"
      >
        {editing !== null && (
          <ContactForm row={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('personal.contacts.deleteTitle')}
      >
        {deleting && (
          <Stack gap="md">
            <Text>{t('personal.contacts.deleteConfirm')}</Text>
            <Group>
              <Button color="red" onClick={() => remove.mutate(deleting.id)} loading={remove.isPending}>
                {t('personal.contacts.ok')}
              </Button>
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('personal.contacts.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
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
