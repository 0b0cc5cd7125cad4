import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DirectorySelect } from '../../../components/DirectorySelect';
import { PageLoader } from '../../../components/PageLoader';
import { errorText } from '../../../error-text';
import { applyServerFieldErrors } from '../../../form-errors';
import { usePageTitle } from '../../../page-title';
import { formatDate } from './format';
import {
  type DocumentInput,
  deleteDocument,
  fetchDocuments,
  type IdentityDocumentRow,
  profileKeys,
  saveDocument,
} from './profile-api';
import { SourceBadge } from './SourceBadge';

const FIELDS = ['type', 'series', 'number', 'issueDate', 'expiryDate', 'issuer'] as const;

function documentSchema(t: TFunction) {
  const required = z.string().trim().min(1, t('validation.required'));
  return z.object({
    type: required,
    series: z.string().max(10, t('validation.tooLong')),
    number: required.max(20, t('validation.tooLong')),
    issueDate: required,
    expiryDate: z.string(),
    issuer: required.max(200, t('validation.tooLong')),
  });
}

/** Личные данные → Паспортные данные (seed 001): registry rows read-only, manual rows add / edit / delete. */
export function DocumentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('personal.tabs.documents'));
  const queryClient = useQueryClient();
  const documents = useQuery({ queryKey: profileKeys.documents, queryFn: fetchDocuments });
  const [editing, setEditing] = useState<IdentityDocumentRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<IdentityDocumentRow | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteDocument(id),
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey: profileKeys.documents });
    },
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="gray.7">
          {t('personal.documents.readOnlyHint')}
        </Text>
        <Button onClick={() => setEditing('new')}>{t('personal.documents.add')}</Button>
      </Group>
      {documents.isPending && <PageLoader />}
      {documents.isError && (
        <Alert color="red" role="alert">
          {errorText(t, documents.error)}
        </Alert>
      )}
      {remove.isError && (
        <Alert color="red" role="alert">
          {errorText(t, remove.error)}
        </Alert>
      )}
      {documents.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs" aria-label={t('personal.tabs.documents')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('personal.documents.type')}</Table.Th>
                <Table.Th>{t('personal.documents.series')}</Table.Th>
                <Table.Th>{t('personal.documents.number')}</Table.Th>
                <Table.Th>{t('personal.documents.issueDate')}</Table.Th>
                <Table.Th>{t('personal.documents.expiryDate')}</Table.Th>
                <Table.Th>{t('personal.documents.issuer')}</Table.Th>
                <Table.Th>{t('personal.documents.source')}</Table.Th>
                <Table.Th>{t('personal.documents.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>{t('personal.documents.empty')}</Table.Td>
                </Table.Tr>
              )}
              {documents.data.map((doc) => (
                <Table.Tr key={doc.id} data-source={doc.source}>
                  <Table.Td>{doc.typeName}</Table.Td>
                  <Table.Td>{doc.series}</Table.Td>
                  <Table.Td>{doc.number}</Table.Td>
                  <Table.Td>{formatDate(doc.issueDate)}</Table.Td>
                  <Table.Td>{formatDate(doc.expiryDate)}</Table.Td>
                  <Table.Td>{doc.issuer}</Table.Td>
                  <Table.Td>
                    <SourceBadge source={doc.source} />
                  </Table.Td>
                  <Table.Td>
                    {doc.editable && (
                      <Stack gap={4} align="flex-start">
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(doc)}>
                          {t('personal.documents.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          onClick={() => setDeleting(doc)}
                        >
                          {t('personal.documents.delete')}
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
              ? t('personal.documents.addTitle')
              : t('personal.documents.editTitle')
        }
        size="lg"
      >
        {editing !== null && (
          <DocumentForm row={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('personal.documents.deleteTitle')}
      >
        {deleting && (
          <Stack gap="md">
            <Text>
              {t('personal.documents.deleteConfirm', {
                record: [deleting.number, deleting.issueDate, deleting.issuer].join(' '),
              })}
            </Text>
            <Group>
              <Button color="red" onClick={() => remove.mutate(deleting.id)} loading={remove.isPending}>
                {t('personal.documents.yes')}
              </Button>
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('personal.documents.no')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function DocumentForm({ row, onDone }: { row: IdentityDocumentRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<DocumentInput>({
    resolver: zodResolver(documentSchema(t)),
    defaultValues: {
      type: row?.type ?? 'id_card',
      series: row?.series ?? '',
      number: row?.number ?? '',
      issueDate: row?.issueDate ?? '',
      expiryDate: row?.expiryDate ?? '',
      issuer: row?.issuer ?? '',
    },
  });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (values: DocumentInput) => saveDocument(row?.id ?? null, values),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: profileKeys.documents });
      onDone();
    },
    onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS),
  });
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="type"
          render={({ field }) => (
            <DirectorySelect
              kind="identity_document_types"
              label={t('personal.documents.type')}
              required
              value={field.value || null}
              onChange={(code) => field.onChange(code ?? '')}
              onBlur={field.onBlur}
              error={errors.type?.message}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('personal.documents.series')}
            error={errors.series?.message}
            {...form.register('series')}
          />
          <TextInput
            label={t('personal.documents.numberField')}
            required
            error={errors.number?.message}
            {...form.register('number')}
          />
          <TextInput
            label={t('personal.documents.issueDate')}
            type="date"
            required
            error={errors.issueDate?.message}
            {...form.register('issueDate')}
          />
          <TextInput
            label={t('personal.documents.expiryDate')}
            type="date"
            error={errors.expiryDate?.message}
            {...form.register('expiryDate')}
          />
        </SimpleGrid>
        <TextInput
          label={t('personal.documents.issuer')}
          required
          error={errors.issuer?.message}
          {...form.register('issuer')}
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        <Group>
          <Button variant="default" onClick={onDone}>
            {t('personal.documents.back')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('personal.documents.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
