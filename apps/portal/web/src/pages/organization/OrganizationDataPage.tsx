import { Alert, Button, Group, Modal, Stack, Table, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ImageUploadCard } from '../../components/ImageUploadCard';
import { errorText } from '../../error-text';
import { applyServerFieldErrors } from '../../form-errors';
import { useOrganizationContext } from './OrganizationLayout';
import { deleteLogo, ORG_ROUTES, orgKeys, saveContacts, uploadLogo } from './organization-api';

const ROLE_LABELS = {
  customer: 'participant.roles.customer',
  organizer: 'participant.roles.organizer',
  supplier: 'participant.roles.supplier',
} as const;

/** Профиль участника → Регистрационные данные (seed 001): the data, the logo and «Редактировать данные». */
export function OrganizationDataPage() {
  const { t } = useTranslation();
  const { organization: o, canEdit } = useOrganizationContext();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const roles = (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).filter((r) => o.roles.includes(r));
  const rows: [string, string | null][] = [
    [t('participant.fields.bin'), o.bin],
    [t('participant.fields.roles'), roles.map((r) => t(ROLE_LABELS[r])).join(', ')],
    [t('participant.fields.shortNameKk'), o.nameKk],
    [t('participant.fields.shortNameRu'), o.nameRu],
    [t('participant.fields.fullNameKk'), o.fullNameKk],
    [t('participant.fields.fullNameRu'), o.fullNameRu],
    [t('participant.fields.site'), o.site],
    [t('participant.fields.email'), o.email],
    [t('participant.fields.phone'), o.phone],
    [t('participant.fields.registrationNumber'), o.registrationNumber],
    [t('participant.fields.registrationDate'), o.registrationDate],
    [t('participant.fields.country'), o.countryCode],
    [t('participant.fields.registeredAt'), o.createdAt.slice(0, 10)],
    [t('participant.fields.updatedAt'), o.updatedAt.slice(0, 10)],
  ];
  return (
    <Stack gap="md">
      <LogoCard organizationId={o.id} hasLogo={!!o.logoFileId} canEdit={canEdit} />
      {saved && (
        <Alert color="green" role="status">
          {saved}
        </Alert>
      )}
      {canEdit && (
        <Group>
          <Button onClick={() => setEditing(true)}>{t('participant.data.edit')}</Button>
        </Group>
      )}
      <Table variant="vertical" withTableBorder aria-label={t('participant.tabs.registration')}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={280}>{label}</Table.Th>
              <Table.Td>{value || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('participant.data.edit')}>
        {editing && (
          <ContactsForm
            onDone={(message) => {
              setSaved(message);
              setEditing(false);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

type ContactValues = { email: string; site: string; phone: string };

/** «Редактировать данные»: email, site and phone only (seed 001). */
function ContactsForm({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { organization: o } = useOrganizationContext();
  const queryClient = useQueryClient();
  const form = useForm<ContactValues>({
    defaultValues: { email: o.email ?? '', site: o.site ?? '', phone: o.phone ?? '' },
  });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (values: ContactValues) => saveContacts(o.id, values),
    onSuccess: ({ organization, message }) => {
      queryClient.setQueryData(orgKeys.profile(o.id), organization);
      onDone(message);
    },
    onError: (error) => applyServerFieldErrors(error, form.setError, ['email', 'site', 'phone']),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <TextInput
          label={t('participant.fields.email')}
          required
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextInput
          label={t('participant.fields.site')}
          error={errors.site?.message}
          {...form.register('site')}
        />
        <TextInput
          label={t('participant.fields.phone')}
          required
          error={errors.phone?.message}
          {...form.register('phone')}
        />
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

const LOGO_TEXTS = {
  altTextKey: 'participant.logo.alt',
  noneTextKey: 'participant.logo.none',
  uploadLabelKey: 'participant.logo.upload',
  deleteLabelKey: 'participant.logo.delete',
  hintKey: 'participant.logo.hint',
  tooBigMessageKey: 'participant.logo.tooBig',
} as const;

/** «Загрузить лого» / «Удалить лого» (seed 001: a 300x200 frame). */
function LogoCard({
  organizationId,
  hasLogo,
  canEdit,
}: {
  organizationId: string;
  hasLogo: boolean;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: orgKeys.profile(organizationId) });
  return (
    <ImageUploadCard
      src={ORG_ROUTES.logo(organizationId)}
      hasImage={hasLogo}
      canEdit={canEdit}
      width={300}
      height={200}
      fit="contain"
      texts={LOGO_TEXTS}
      upload={(file) => uploadLogo(organizationId, file)}
      remove={() => deleteLogo(organizationId)}
      onUploaded={refresh}
      onRemoved={refresh}
    />
  );
}
