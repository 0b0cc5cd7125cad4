import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { usePageTitle } from '../../page-title';
import classes from './slip.module.css';
import { readSlipFragment } from './slip-data';

/**
 * The slip a service-centre operator prints for the citizen (seed 002, step 8): login, one-time password and
 * the portal link. The workstation opens `/operator/slip/:id#login=…&password=…`; the fragment never reaches
 * a server, and the page removes it from the address and history at once, so the password is shown once.
 */
export function SlipPage() {
  const { t } = useTranslation();
  usePageTitle(t('operatorSlip.title'));
  const { id } = useParams();
  const [slip] = useState(() => readSlipFragment(window.location.hash));

  useEffect(() => {
    if (window.location.hash)
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
  }, []);

  if (!slip)
    return (
      <Alert color="yellow" title={t('operatorSlip.title')} maw={640}>
        {t('operatorSlip.alreadyShown')}
      </Alert>
    );

  const portalLink = `${window.location.origin}/login`;
  return (
    <Stack gap="md">
      <div className={classes.slip}>
        <Stack gap="sm">
          <Title order={1} size="h2">
            {t('operatorSlip.title')}
          </Title>
          <Text size="sm">{t('operatorSlip.request', { id })}</Text>
          <Text>
            {t('operatorSlip.login')}: <span className={classes.secret}>{slip.login}</span>
          </Text>
          <Text>
            {t('operatorSlip.password')}: <span className={classes.secret}>{slip.password}</span>
          </Text>
          <Text>
            {t('operatorSlip.portal')}: {portalLink}
          </Text>
          <Text size="sm">{t('operatorSlip.changeNotice')}</Text>
        </Stack>
      </div>
      <Group className={classes.noPrint}>
        <Button onClick={() => window.print()}>{t('operatorSlip.print')}</Button>
        <Text size="sm" c="gray.8">
          {t('operatorSlip.onceNotice')}
        </Text>
      </Group>
    </Stack>
  );
}
