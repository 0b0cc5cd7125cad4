import { Paper, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../page-title';
import { OtpLoginForm } from './OtpLoginForm';
import { PasswordLoginForm } from './PasswordLoginForm';
import { SignatureLoginPanel } from './SignatureLoginPanel';

const TABS = ['password', 'eds', 'otp'] as const;
type LoginTab = (typeof TABS)[number];
const isTab = (value: string | null): value is LoginTab => TABS.includes(value as LoginTab);

/** «Вход на портал» with seed 002's tabs: login and password, ЭЦП, one-time password (?tab= keeps the choice). */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: LoginTab = isTab(requested) ? requested : 'password';

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('login.title')}</Title>
      <Paper withBorder p="lg" radius="md">
        <Tabs
          value={tab}
          onChange={(value) => {
            if (isTab(value)) setParams(value === 'password' ? {} : { tab: value }, { replace: true });
          }}
          keepMounted={false}
        >
          <Tabs.List mb="lg">
            <Tabs.Tab value="password">{t('login.tabPassword')}</Tabs.Tab>
            <Tabs.Tab value="eds">{t('login.tabEds')}</Tabs.Tab>
            <Tabs.Tab value="otp">{t('login.tabOtp')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="password">
            <PasswordLoginForm />
          </Tabs.Panel>
          <Tabs.Panel value="eds">
            <SignatureLoginPanel />
          </Tabs.Panel>
          <Tabs.Panel value="otp">
            <OtpLoginForm />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
