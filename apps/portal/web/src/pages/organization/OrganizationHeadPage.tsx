import { Alert, Button, Group, Select, Stack, Table } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { errorText } from '../../error-text';
import { useOrganizationContext } from './OrganizationLayout';
import { fetchHeadCandidates, orgKeys, saveHead } from './organization-api';

/** Профиль участника → Данные о руководителе (seed 001): the head, chosen among members with the head right. */
export function OrganizationHeadPage() {
  const { t } = useTranslation();
  const { organization: o, canEdit } = useOrganizationContext();
  const queryClient = useQueryClient();
  const candidates = useQuery({
    queryKey: orgKeys.headCandidates(o.id),
    queryFn: () => fetchHeadCandidates(o.id),
  });
  const [chosen, setChosen] = useState<string | null>(o.head.memberId);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (memberId: string) => saveHead(o.id, memberId),
    onMutate: () => setSaved(null),
    onSuccess: ({ organization, message }) => {
      queryClient.setQueryData(orgKeys.profile(o.id), organization);
      setSaved(message);
    },
  });
  const failure =
    save.error instanceof ApiError && save.error.fields?.memberId
      ? save.error.fields.memberId
      : save.error && errorText(t, save.error);
  return (
    <Stack gap="md">
      {saved && (
        <Alert color="green" role="status">
          {saved}
        </Alert>
      )}
      <Table variant="vertical" withTableBorder aria-label={t('participant.tabs.head')}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={200}>{t('participant.fields.iin')}</Table.Th>
            <Table.Td>{o.head.iin ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('participant.fields.fullName')}</Table.Th>
            <Table.Td>{o.head.fullName ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('participant.fields.position')}</Table.Th>
            <Table.Td>{o.head.position ?? '—'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {canEdit && (
        <Group align="flex-end">
          <Select
            label={t('participant.head.choose')}
            description={t('participant.head.hint')}
            data={(candidates.data ?? []).map((c) => ({
              value: c.memberId,
              label: `${c.fullName ?? c.iin} (${c.iin})${c.position ? `, ${c.position}` : ''}`,
            }))}
            value={chosen}
            onChange={setChosen}
            w={420}
            comboboxProps={{ withinPortal: true }}
          />
          <Button disabled={!chosen} loading={save.isPending} onClick={() => chosen && save.mutate(chosen)}>
            {t('participant.save')}
          </Button>
        </Group>
      )}
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
