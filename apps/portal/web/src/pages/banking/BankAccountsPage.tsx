import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useBankingOrganization } from './acting-organization';
import { type BankAccount, useBankAccounts, useDeleteBankAccount } from './banking-api';
import { NoOrganization } from './NoOrganization';

/** Профиль участника → Банковские счета (seed 001): the list, «Добавить счет», «Удалить» for manual rows. */
export function BankAccountsPage() {
  const { t } = useTranslation();
  usePageTitle(t('banking.accounts.title'));
  const { organization, isLoading, canManage } = useBankingOrganization();
  const accounts = useBankAccounts(organization?.id);
  const remove = useDeleteBankAccount(organization?.id ?? '');

  if (isLoading) return <PageLoader />;
  if (!organization) return <NoOrganization title={t('banking.accounts.title')} />;
  const items = accounts.data?.items ?? [];

  const onDelete = (account: BankAccount) => {
    if (window.confirm(t('banking.accounts.deleteConfirm', { number: account.number })))
      remove.mutate(account.id);
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('banking.accounts.title')}</Title>
      {accounts.isSuccess && items.length === 0 && (
        <Alert color="yellow">
          <Group gap="xs">
            <Text size="sm">{t('banking.accounts.noData')}</Text>
            {canManage && (
              <Anchor component={Link} to="/cabinet/bank-accounts/new" size="sm">
                {t('banking.accounts.fillIn')}
              </Anchor>
            )}
          </Group>
        </Alert>
      )}
      {accounts.isError && <Alert color="red">{errorText(t, accounts.error)}</Alert>}
      {remove.isError && <Alert color="red">{errorText(t, remove.error)}</Alert>}
      <Group justify="space-between">
        {canManage && (
          <Button component={Link} to="/cabinet/bank-accounts/new" color="green">
            {t('banking.accounts.add')}
          </Button>
        )}
        <Anchor component={Link} to="/cabinet/bank-requests" size="sm">
          {t('banking.requests.title')}
        </Anchor>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('banking.accounts.number')}</Table.Th>
              <Table.Th>{t('banking.accounts.bic')}</Table.Th>
              <Table.Th>{t('banking.accounts.kbe')}</Table.Th>
              <Table.Th>{t('banking.accounts.bankName')}</Table.Th>
              <Table.Th>{t('banking.accounts.openedOn')}</Table.Th>
              <Table.Th>{t('banking.accounts.closedOn')}</Table.Th>
              <Table.Th>{t('banking.accounts.accountType')}</Table.Th>
              <Table.Th>{t('banking.accounts.guaranteeDeposit')}</Table.Th>
              <Table.Th>{t('banking.accounts.isDefault')}</Table.Th>
              {canManage && (
                <Table.Th>
                  <VisuallyHidden>{t('banking.accounts.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.isSuccess && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={canManage ? 10 : 9}>
                  <Text ta="center" c="gray.7" size="sm">
                    {t('banking.accounts.notFound')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((account) => (
              <Table.Tr key={account.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cabinet/bank-accounts/${account.id}`}>
                    {account.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{account.bic ?? '—'}</Table.Td>
                <Table.Td>{account.kbe ?? '—'}</Table.Td>
                <Table.Td>{account.bankName ?? account.bankCode}</Table.Td>
                <Table.Td>{account.openedOn ?? '—'}</Table.Td>
                <Table.Td>{account.closedOn ?? '—'}</Table.Td>
                <Table.Td>{account.accountTypeName ?? account.accountType}</Table.Td>
                <Table.Td>
                  <Checkbox
                    readOnly
                    checked={account.guaranteeDeposit}
                    aria-label={t('banking.accounts.guaranteeDeposit')}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    readOnly
                    checked={account.isDefault}
                    aria-label={t('banking.accounts.isDefault')}
                  />
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    {account.source === 'manual' && (
                      <Button
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        onClick={() => onDelete(account)}
                        loading={remove.isPending && remove.variables === account.id}
                      >
                        {t('banking.accounts.delete')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
