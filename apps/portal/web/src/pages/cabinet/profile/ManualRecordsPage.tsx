import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ParseKeys } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader';
import { errorText } from '../../../error-text';

/** A profile record: registry rows are read-only, the user's own (manual) rows are editable. */
export interface ManualRecord {
  id: string;
  source: string;
  editable: boolean;
}

export interface ManualRecordsTexts {
  tableLabelKey: ParseKeys;
  addLabelKey: ParseKeys;
  emptyTextKey: ParseKeys;
  actionsTitleKey: ParseKeys;
  editLabelKey: ParseKeys;
  deleteLabelKey: ParseKeys;
  addTitleKey: ParseKeys;
  editTitleKey: ParseKeys;
  deleteTitleKey: ParseKeys;
  confirmLabelKey: ParseKeys;
  cancelLabelKey: ParseKeys;
}

/**
 * Личные данные tabs with records (seed 001: Паспортные данные, Контактные данные): the table, «Добавить» and
 * «Изменить» in a dialog with the caller's form, «Удалить» after a confirmation.
 */
export function ManualRecordsPage<R extends ManualRecord>({
  queryKey,
  fetchRows,
  deleteRow,
  texts,
  minWidth,
  columns,
  deleteConfirm,
  renderForm,
}: {
  queryKey: QueryKey;
  fetchRows: () => Promise<R[]>;
  deleteRow: (id: string) => Promise<unknown>;
  texts: ManualRecordsTexts;
  minWidth: number;
  /** Headers (translated) and cells, the actions column excluded. */
  columns: { header: string; cell: (row: R) => ReactNode }[];
  deleteConfirm: (row: R) => string;
  renderForm: (row: R | null, onDone: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rows = useQuery({ queryKey, queryFn: fetchRows });
  const [editing, setEditing] = useState<R | 'new' | null>(null);
  const [deleting, setDeleting] = useState<R | null>(null);
  const remove = useMutation({
    mutationFn: deleteRow,
    onSuccess: () => {
      setDeleting(null);
      void queryClient.invalidateQueries({ queryKey });
    },
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="gray.7">
          {t('personal.documents.readOnlyHint')}
        </Text>
        <Button onClick={() => setEditing('new')}>{t(texts.addLabelKey)}</Button>
      </Group>
      {rows.isPending && <PageLoader />}
      {rows.isError && (
        <Alert color="red" role="alert">
          {errorText(t, rows.error)}
        </Alert>
      )}
      {remove.isError && (
        <Alert color="red" role="alert">
          {errorText(t, remove.error)}
        </Alert>
      )}
      {rows.data && (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped verticalSpacing="xs" aria-label={t(texts.tableLabelKey)}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.header}>{column.header}</Table.Th>
                ))}
                <Table.Th>{t(texts.actionsTitleKey)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={columns.length + 1}>{t(texts.emptyTextKey)}</Table.Td>
                </Table.Tr>
              )}
              {rows.data.map((row) => (
                <Table.Tr key={row.id} data-source={row.source}>
                  {columns.map((column) => (
                    <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                  ))}
                  <Table.Td>
                    {row.editable && (
                      <Stack gap={4} align="flex-start">
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(row)}>
                          {t(texts.editLabelKey)}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          onClick={() => setDeleting(row)}
                        >
                          {t(texts.deleteLabelKey)}
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
          editing === null ? undefined : editing === 'new' ? t(texts.addTitleKey) : t(texts.editTitleKey)
        }
        size="lg"
      >
        {editing !== null && renderForm(editing === 'new' ? null : editing, () => setEditing(null))}
      </Modal>
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t(texts.deleteTitleKey)}>
        {deleting && (
          <Stack gap="md">
            <Text>{deleteConfirm(deleting)}</Text>
            <Group>
              <Button color="red" onClick={() => remove.mutate(deleting.id)} loading={remove.isPending}>
                {t(texts.confirmLabelKey)}
              </Button>
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t(texts.cancelLabelKey)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
