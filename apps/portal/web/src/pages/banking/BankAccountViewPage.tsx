import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { useBankingOrganization } from './acting-organization';
import { useBankAccount } from './banking-api';
import { NoOrganization } from './NoOrganization';

/** «Информация о счете» (seed 001) with «Редактировать счет». */
export function BankAccountViewPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const title = t('banking.accounts.viewTitle');
  usePageTitle(title);
  const { organization, isLoading, canManage } = useBankingOrganization();
  const account = useBankAccount(organization?.id, id);
  if (isLoading || account.isLoading) return <PageLoader />;
  if (!organization) return <NoOrganization title={title} />;
  if (account.isError) return <Alert color="red">{errorText(t, account.error)}</Alert>;
  const a = account.data;
  if (!a) return null;
  const rows = [
    { label: t('banking.accounts.number'), value: a.number },
    { label: t('banking.accounts.bic'), value: a.bic },
    { label: t('banking.accounts.kbe'), value: a.kbe },
    { label: t('banking.accounts.bankName'), value: a.bankName ?? a.bankCode },
    { label: t('banking.accounts.bankAddress'), value: a.bankAddress },
    { label: t('banking.accounts.accountType'), value: a.accountTypeName ?? a.accountType },
    { label: t('banking.accounts.openedOn'), value: a.openedOn },
    { label: t('banking.accounts.closedOn'), value: a.closedOn },
    {
      label: t('banking.accounts.guaranteeDeposit'),
      value: a.guaranteeDeposit ? t('banking.yes') : t('banking.no'),
    },
    { label: t('banking.accounts.isDefault'), value: a.isDefault ? t('banking.yes') : t('banking.no') },
  ];
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
          {rows.map((row) => (
            <div key={row.label} style={{ display: 'contents' }}>
              <Text component="dt" size="sm" c="gray.7">
                {row.label}
              </Text>
              <Text component="dd" size="sm" fw={500} m={0}>
                {row.value ?? '—'}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      <Group justify="space-between">
        <Button component={Link} to="/cabinet/bank-accounts" variant="default">
          {t('banking.accounts.backToList')}
        </Button>
        {canManage && (
          <Button component={Link} to={`/cabinet/bank-accounts/${a.id}/edit`}>
            {t('banking.accounts.edit')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
