import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActingOrganization } from '../organization';

/**
 * «От имени организации»: which organisation the user acts for, when they belong to several (issue 5). Shown in the
 * cabinet's menu column; nothing for a user with one organisation or none.
 */
export function OrganizationSwitcher() {
  const { t } = useTranslation();
  const { organization, organizations, choose } = useActingOrganization();
  if (organizations.length < 2) return null;
  return (
    <Select
      mb="md"
      label={t('organizationSwitcher.label')}
      data={organizations.map((o) => ({
        value: o.id,
        label: o.status === 'active' ? o.name : `${o.name} (${t('organizationSwitcher.notActive')})`,
      }))}
      value={organization?.id ?? null}
      onChange={(id) => id && choose(id)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
