import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DirectorySelect } from '../../../components/DirectorySelect';
import { errorText } from '../../../error-text';
import { applyServerFieldErrors } from '../../../form-errors';
import { usePageTitle } from '../../../page-title';
import { formatDate } from './format';
import { ManualRecordsPage } from './ManualRecordsPage';
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

const DOCUMENT_TEXTS = {
  tableLabelKey: 'personal.tabs.documents',
  addLabelKey: 'personal.documents.add',
  emptyTextKey: 'personal.documents.empty',
  actionsTitleKey: 'personal.documents.actions',
  editLabelKey: 'personal.documents.edit',
  deleteLabelKey: 'personal.documents.delete',
  addTitleKey: 'personal.documents.addTitle',
  editTitleKey: 'personal.documents.editTitle',
  deleteTitleKey: 'personal.documents.deleteTitle',
  confirmLabelKey: 'personal.documents.yes',
  cancelLabelKey: 'personal.documents.no',
} as const;

/** Личные данные → Паспортные данные (seed 001): registry rows read-only, manual rows add / edit / delete. */
export function DocumentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('personal.tabs.documents'));
  return (
    <ManualRecordsPage<IdentityDocumentRow>
      queryKey={profileKeys.documents}
      fetchRows={fetchDocuments}
      deleteRow={deleteDocument}
      texts={DOCUMENT_TEXTS}
      minWidth={720}
      columns={[
        { header: t('personal.documents.type'), cell: (doc) => doc.typeName },
        { header: t('personal.documents.series'), cell: (doc) => doc.series },
        { header: t('personal.documents.number'), cell: (doc) => doc.number },
        { header: t('personal.documents.issueDate'), cell: (doc) => formatDate(doc.issueDate) },
        { header: t('personal.documents.expiryDate'), cell: (doc) => formatDate(doc.expiryDate) },
        { header: t('personal.documents.issuer'), cell: (doc) => doc.issuer },
        { header: t('personal.documents.source'), cell: (doc) => <SourceBadge source={doc.source} /> },
      ]}
      deleteConfirm={(doc) =>
        t('personal.documents.deleteConfirm', {
          record: [doc.number, doc.issueDate, doc.issuer].join(' '),
        })
      }
      renderForm={(row, onDone) => <DocumentForm row={row} onDone={onDone} />}
    />
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
