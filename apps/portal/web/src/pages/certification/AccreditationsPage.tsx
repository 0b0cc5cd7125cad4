import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useStandards } from './cert-api';
import { fieldErrorText } from './field-errors';
import { ACCREDITATION_FIELD_KEYS, ACCREDITATION_STATUS_KEYS, labelOf } from './keys';
import { formatDate } from './labels';
import { RequireSignIn } from './RequireSignIn';

interface Accreditation {
  id: string;
  bodyBin: string;
  bodyNameRu: string;
  bodyNameKk: string | null;
  attestatNumber: string;
  validFrom: string;
  validTo: string;
  standards: string[];
  status: 'active' | 'revoked';
}
type Draft = Omit<Accreditation, 'id' | 'bodyNameKk'> & { id?: string; bodyNameKk: string };
const EMPTY: Draft = {
  bodyBin: '',
  bodyNameRu: '',
  bodyNameKk: '',
  attestatNumber: '',
  validFrom: '',
  validTo: '',
  standards: [],
  status: 'active',
};
const BASE = '/api/v1/admin/certification/accreditations';

/** The administrator's accreditation records of certification bodies (attestat, validity, standards). */
export function AccreditationsPage() {
  const { t } = useTranslation();
  const title = t('certification.accreditations.title');
  usePageTitle(title);
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <RequireSignIn>{() => <Accreditations />}</RequireSignIn>
    </Stack>
  );
}

function Accreditations() {
  const { t, i18n } = useTranslation();
  const standards = useStandards();
  const list = useQuery({
    queryKey: ['certification', 'accreditations'],
    queryFn: async () => (await api<{ items: Accreditation[] }>(BASE)).items,
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const save = async () => {
    if (!draft) return;
    setErrors({});
    setFailure(null);
    const { id, ...body } = draft;
    try {
      await api(id ? `${BASE}/${id}` : BASE, {
        method: id ? 'PUT' : 'POST',
        body: { ...body, bodyNameKk: body.bodyNameKk || undefined },
      });
      setDraft(null);
      await list.refetch();
    } catch (error) {
      if (error instanceof ApiError && error.fields) setErrors(error.fields);
      setFailure(errorText(t, error));
    }
  };
  const input = (
    key: 'bodyBin' | 'bodyNameRu' | 'bodyNameKk' | 'attestatNumber' | 'validFrom' | 'validTo',
  ) => ({
    label: labelOf(t, ACCREDITATION_FIELD_KEYS, key),
    value: draft?.[key] ?? '',
    type: key.startsWith('valid') ? 'date' : undefined,
    error: errors[key] ? fieldErrorText(t, errors[key]) : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setDraft((d) => (d ? { ...d, [key]: value } : d));
    },
  });

  return (
    <Stack>
      {list.isError && <Alert color="red">{errorText(t, list.error)}</Alert>}
      <Group>
        <Button color="green" onClick={() => setDraft(EMPTY)}>
          {t('certification.list.add')}
        </Button>
      </Group>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certification.accreditations.fields.bodyBin')}</Table.Th>
            <Table.Th>{t('certification.accreditations.fields.bodyNameRu')}</Table.Th>
            <Table.Th>{t('certification.accreditations.fields.attestatNumber')}</Table.Th>
            <Table.Th>{t('certification.accreditations.fields.validity')}</Table.Th>
            <Table.Th>{t('certification.accreditations.fields.standards')}</Table.Th>
            <Table.Th>{t('certification.accreditations.fields.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.bodyBin}</Table.Td>
              <Table.Td>{i18n.language === 'kk' && a.bodyNameKk ? a.bodyNameKk : a.bodyNameRu}</Table.Td>
              <Table.Td>{a.attestatNumber}</Table.Td>
              <Table.Td>
                {formatDate(a.validFrom, i18n.language)} — {formatDate(a.validTo, i18n.language)}
              </Table.Td>
              <Table.Td>{a.standards.join(', ')}</Table.Td>
              <Table.Td>
                <Badge color={a.status === 'active' ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
                  {labelOf(t, ACCREDITATION_STATUS_KEYS, a.status)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setDraft({ ...a, bodyNameKk: a.bodyNameKk ?? '' })}
                >
                  {t('certification.accreditations.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={!!draft}
        onClose={() => setDraft(null)}
        title={t('certification.accreditations.title')}
        size="lg"
      >
        <Stack>
          <TextInput withAsterisk {...input('bodyBin')} />
          <TextInput withAsterisk {...input('bodyNameRu')} />
          <TextInput {...input('bodyNameKk')} />
          <TextInput withAsterisk {...input('attestatNumber')} />
          <Group grow>
            <TextInput withAsterisk {...input('validFrom')} />
            <TextInput withAsterisk {...input('validTo')} />
          </Group>
          <MultiSelect
            withAsterisk
            label={t('certification.accreditations.fields.standards')}
            data={standards.data ?? []}
            value={draft?.standards ?? []}
            error={errors.standards ? fieldErrorText(t, errors.standards) : undefined}
            onChange={(value) => setDraft((d) => (d ? { ...d, standards: value } : d))}
          />
          <Select
            label={t('certification.accreditations.fields.status')}
            allowDeselect={false}
            data={(['active', 'revoked'] as const).map((s) => ({
              value: s,
              label: labelOf(t, ACCREDITATION_STATUS_KEYS, s),
            }))}
            value={draft?.status ?? 'active'}
            onChange={(value) =>
              setDraft((d) => (d ? { ...d, status: (value ?? 'active') as Draft['status'] } : d))
            }
          />
          {failure && <Alert color="red">{failure}</Alert>}
          <Group justify="flex-end">
            <Button onClick={save}>{t('certification.form.save')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
