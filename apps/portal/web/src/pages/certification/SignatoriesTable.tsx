import { Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationForm, Signatory } from './cert-api';
import { fieldErrorText } from './field-errors';
import { SIGNATORY_COLUMNS } from './keys';
import { formatDate, formatDateTime } from './labels';

/**
 * The seed's signatories table (ФИО подписанта … Кем выдано). While the application is editable the blocks are
 * planned here («+ Добавить блок»); once submitted each block fills from its signer's certificate, and an
 * unsigned block offers «Подписать» to the signed-in member.
 */
export function SignatoriesTable({
  planned,
  signatories,
  onChange,
  onSign,
  signingId,
  errors,
}: {
  planned: NonNullable<ApplicationForm['signatories']>;
  signatories: Signatory[];
  onChange?: (value: NonNullable<ApplicationForm['signatories']>) => void;
  onSign?: (signatoryId: string) => void;
  signingId?: string | null;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const editing = !!onChange;
  const rows = editing
    ? planned.map((p, index) => ({
        key: String(index),
        index,
        plannedName: p.plannedName,
        comment: p.comment ?? '',
        signatory: null as Signatory | null,
      }))
    : signatories.map((s, index) => ({
        key: s.id,
        index,
        plannedName: s.plannedName,
        comment: s.comment ?? '',
        signatory: s,
      }));
  const set = (index: number, key: 'plannedName' | 'comment', value: string) =>
    onChange?.(planned.map((p, i) => (i === index ? { ...p, [key]: value } : p)));

  return (
    <>
      <Table.ScrollContainer minWidth={1200}>
        <Table withTableBorder withColumnBorders data-testid="signatories">
          <Table.Thead>
            <Table.Tr>
              {SIGNATORY_COLUMNS.map((c) => (
                <Table.Th key={c.column}>{t(c.labelKey)}</Table.Th>
              ))}
              {(editing || onSign) && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const cert = row.signatory?.certificate ?? null;
              return (
                <Table.Tr key={row.key}>
                  <Table.Td>
                    {editing ? (
                      <TextInput
                        size="xs"
                        aria-label={t('certification.signatories.plannedName')}
                        value={row.plannedName}
                        error={
                          errors[`signatories.${row.index}.plannedName`]
                            ? fieldErrorText(t, errors[`signatories.${row.index}.plannedName`])
                            : undefined
                        }
                        onChange={(e) => set(row.index, 'plannedName', e.currentTarget.value)}
                      />
                    ) : (
                      row.plannedName
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(row.signatory?.signedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {editing ? (
                      <TextInput
                        size="xs"
                        aria-label={t('certification.signatories.comment')}
                        value={row.comment}
                        onChange={(e) => set(row.index, 'comment', e.currentTarget.value)}
                      />
                    ) : (
                      row.comment
                    )}
                  </Table.Td>
                  <Table.Td>{cert?.fullName}</Table.Td>
                  <Table.Td>{cert?.email}</Table.Td>
                  <Table.Td>{cert?.iin}</Table.Td>
                  <Table.Td>{formatDate(cert?.validFrom, i18n.language)}</Table.Td>
                  <Table.Td>{formatDate(cert?.validTo, i18n.language)}</Table.Td>
                  <Table.Td>{cert?.bin}</Table.Td>
                  <Table.Td>{cert?.organization}</Table.Td>
                  <Table.Td>{cert ? t('certification.signatories.actionSign') : ''}</Table.Td>
                  <Table.Td>{cert?.issuer}</Table.Td>
                  {editing && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onChange?.(planned.filter((_, i) => i !== row.index))}
                      >
                        {t('certification.signatories.remove')}
                      </Button>
                    </Table.Td>
                  )}
                  {!editing && onSign && (
                    <Table.Td>
                      {!row.signatory?.signedAt && row.signatory && (
                        <Button
                          size="xs"
                          color="green"
                          loading={signingId === row.signatory.id}
                          onClick={() => row.signatory && onSign(row.signatory.id)}
                        >
                          {t('certification.signatories.sign')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.signatories && (
        <Text c="red" size="sm">
          {fieldErrorText(t, errors.signatories)}
        </Text>
      )}
      {editing && (
        <Group>
          <Button variant="subtle" onClick={() => onChange?.([...planned, { plannedName: '' }])}>
            {t('certification.signatories.addBlock')}
          </Button>
        </Group>
      )}
    </>
  );
}
