import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DirectorySelect } from '../../components/DirectorySelect';
import { KatoPicker } from '../../components/KatoPicker';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { applyServerFieldErrors } from '../../form-errors';
import { useOrganizationContext } from './OrganizationLayout';
import {
  type Address,
  type AddressInput,
  deleteAddress,
  fetchAddresses,
  orgKeys,
  saveAddress,
} from './organization-api';

const KAZAKHSTAN = '398';
const KINDS = [
  { value: 'legal', labelKey: 'participant.addresses.kinds.legal' },
  { value: 'actual', labelKey: 'participant.addresses.kinds.actual' },
  { value: 'postal', labelKey: 'participant.addresses.kinds.postal' },
] as const;
const kindLabelKey = (kind: Address['kind']) => KINDS.find((k) => k.value === kind)!.labelKey;
type AddressValues = Required<{ [K in keyof AddressInput]: string }>;
const FIELDS: Path<AddressValues>[] = [
  'kind',
  'countryCode',
  'kato',
  'postalIndex',
  'street',
  'house',
  'apartment',
  'phone',
  'fax',
];

const addressText = (a: Address) => [a.street, a.house, a.apartment].filter(Boolean).join(', ');

/** Профиль участника → Контактные данные (seed 001): legal / actual / postal addresses, add / edit / delete. */
export function OrganizationAddressesPage() {
  const { t } = useTranslation();
  const { organization: o, canEdit } = useOrganizationContext();
  const queryClient = useQueryClient();
  const addresses = useQuery({ queryKey: orgKeys.addresses(o.id), queryFn: () => fetchAddresses(o.id) });
  const [editing, setEditing] = useState<Address | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Address | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (addressId: string) => deleteAddress(o.id, addressId),
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: orgKeys.addresses(o.id) });
    },
  });
  return (
    <Stack gap="md">
      {canEdit && (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('participant.addresses.add')}</Button>
        </Group>
      )}
      {saved && (
        <Alert color="green" role="status">
          {saved}
        </Alert>
      )}
      {addresses.isPending && <PageLoader />}
      {(addresses.error ?? remove.error) && (
        <Alert color="red" role="alert">
          {errorText(t, addresses.error ?? remove.error)}
        </Alert>
      )}
      {addresses.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label={t('participant.tabs.contacts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('participant.addresses.kind')}</Table.Th>
                <Table.Th>{t('participant.addresses.kato')}</Table.Th>
                <Table.Th>{t('participant.addresses.countryCode')}</Table.Th>
                <Table.Th>{t('participant.addresses.index')}</Table.Th>
                <Table.Th>{t('participant.addresses.address')}</Table.Th>
                <Table.Th>{t('participant.addresses.phone')}</Table.Th>
                <Table.Th>{t('participant.addresses.fax')}</Table.Th>
                {canEdit && <Table.Th>{t('participant.addresses.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {addresses.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>{t('participant.addresses.empty')}</Table.Td>
                </Table.Tr>
              )}
              {addresses.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{t(kindLabelKey(a.kind))}</Table.Td>
                  <Table.Td>{a.kato ?? '—'}</Table.Td>
                  <Table.Td>{a.countryCode}</Table.Td>
                  <Table.Td>{a.postalIndex ?? '—'}</Table.Td>
                  <Table.Td>{addressText(a)}</Table.Td>
                  <Table.Td>{a.phone ?? '—'}</Table.Td>
                  <Table.Td>{a.fax ?? '—'}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(a)}>
                          {t('participant.addresses.edit')}
                        </Button>
                        <Button size="compact-xs" variant="light" color="red" onClick={() => setDeleting(a)}>
                          {t('participant.addresses.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('participant.addresses.addTitle') : t('participant.addresses.editTitle')}
        size="lg"
      >
        {editing !== null && (
          <AddressForm
            address={editing === 'new' ? null : editing}
            onDone={(message) => {
              setSaved(message);
              setEditing(null);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('participant.addresses.deleteTitle')}
      >
        {deleting && (
          <Stack gap="md">
            <Text>{t('participant.addresses.deleteConfirm')}</Text>
            <Group>
              <Button color="red" onClick={() => remove.mutate(deleting.id)} loading={remove.isPending}>
                {t('participant.addresses.yes')}
              </Button>
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('participant.addresses.no')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function AddressForm({ address, onDone }: { address: Address | null; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { organization: o } = useOrganizationContext();
  const queryClient = useQueryClient();
  const form = useForm<AddressValues>({
    defaultValues: {
      kind: address?.kind ?? 'legal',
      countryCode: address?.countryCode ?? KAZAKHSTAN,
      kato: address?.kato ?? '',
      postalIndex: address?.postalIndex ?? '',
      street: address?.street ?? '',
      house: address?.house ?? '',
      apartment: address?.apartment ?? '',
      phone: address?.phone ?? '',
      fax: address?.fax ?? '',
    },
  });
  const { errors } = form.formState;
  const countryCode = form.watch('countryCode');
  const save = useMutation({
    mutationFn: (values: AddressValues) =>
      saveAddress(o.id, address?.id ?? null, values as unknown as AddressInput),
    onSuccess: ({ message }) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.addresses(o.id) });
      onDone(message);
    },
    onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS),
  });
  const text = (name: Path<AddressValues>, label: string, required = false) => (
    <TextInput
      label={label}
      required={required}
      error={errors[name as keyof AddressValues]?.message}
      {...form.register(name)}
    />
  );
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <NativeSelect
          label={t('participant.addresses.kind')}
          required
          data={KINDS.map((k) => ({ value: k.value, label: t(k.labelKey) }))}
          error={errors.kind?.message}
          {...form.register('kind')}
        />
        <Controller
          control={form.control}
          name="countryCode"
          render={({ field }) => (
            <DirectorySelect
              kind="countries"
              label={t('participant.addresses.country')}
              required
              value={field.value || null}
              onChange={(code) => {
                field.onChange(code ?? '');
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
                label={t('participant.addresses.kato')}
                required
                value={field.value || null}
                onChange={(code) => field.onChange(code ?? '')}
                error={errors.kato?.message}
              />
            )}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          {text('postalIndex', t('participant.addresses.index'))}
          {text('street', t('participant.addresses.street'), true)}
          {text('house', t('participant.addresses.house'), true)}
          {text('apartment', t('participant.addresses.apartment'))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('phone', t('participant.addresses.phone'))}
          {text('fax', t('participant.addresses.fax'))}
        </SimpleGrid>
        {save.isError && !(save.error as { fields?: unknown }).fields && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('participant.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
