import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useBankingOrganization } from './acting-organization';
import { useBankAccounts } from './banking-api';

/**
 * Seed 001: while the organisation has no bank accounts, the cabinet says «Нет данных о банковских
 * реквизитах.» with «Заполнить данные» (for its administrators). The accounts page shows it itself.
 */
export function BankDetailsNotice() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { organization, canManage } = useBankingOrganization();
  const onAccountsPage = pathname.startsWith('/cabinet/bank-accounts');
  const accounts = useBankAccounts(onAccountsPage ? undefined : organization?.id);
  if (onAccountsPage || !accounts.isSuccess || accounts.data.items.length > 0) return null;
  return (
    <Alert color="yellow" mb="md" data-testid="bank-details-notice">
      <Group gap="xs">
        <Text size="sm">{t('banking.accounts.noData')}</Text>
        {canManage && (
          <Anchor component={Link} to="/cabinet/bank-accounts/new" size="sm">
            {t('banking.accounts.fillIn')}
          </Anchor>
        )}
      </Group>
    </Alert>
  );
}
