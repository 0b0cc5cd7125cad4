import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CatalogTrail } from '../components/CatalogTrail';
import { usePageTitle } from '../page-title';
import { useMe, usePublicConfig } from '../queries';

const NCALAYER_URL = 'https://pki.gov.kz/ncalayer/';

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(undefined);
  const me = useMe();
  const config = usePublicConfig();
  const steps = [
    { title: t('home.step1Title'), text: t('home.step1Text') },
    { title: t('home.step2Title'), text: t('home.step2Text') },
    { title: t('home.step3Title'), text: t('home.step3Text') },
  ];

  return (
    <Stack gap="xl">
      <Stack gap="md" maw={760}>
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg">{t('home.intro')}</Text>
        <Group gap="sm">
          {me.data ? (
            <Button component={Link} to="/cabinet">
              {t('header.cabinet')}
            </Button>
          ) : (
            <>
              <Button component={Link} to="/register">
                {t('home.ctaRegister')}
              </Button>
              <Button component={Link} to="/login" variant="default">
                {t('home.ctaLogin')}
              </Button>
            </>
          )}
        </Group>
      </Stack>

      <section aria-labelledby="home-steps">
        <Title order={2} id="home-steps" mb="md">
          {t('home.stepsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {steps.map((step) => (
            <Card key={step.title} withBorder padding="lg">
              <Title order={3} size="h4" mb="xs">
                {step.title}
              </Title>
              <Text size="sm">{step.text}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="home-catalog">
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} id="home-catalog">
              {t('home.catalogTitle')}
            </Title>
            <Text>{t('home.catalogText')}</Text>
            <CatalogTrail />
            <div>
              <Button component={Link} to="/services" variant="light">
                {t('home.catalogOpen')}
              </Button>
            </div>
          </Stack>
        </Card>
      </section>

      <Alert variant="light" color="blue" title={t('home.ncalayerTitle')}>
        <Stack gap="xs">
          <Text size="sm">{t('home.ncalayerText')}</Text>
          <Anchor href={NCALAYER_URL} target="_blank" rel="noopener noreferrer" size="sm">
            {t('home.ncalayerLink')}
          </Anchor>
          {config.data?.demo && <Text size="sm">{t('home.ncalayerDemo')}</Text>}
        </Stack>
      </Alert>
    </Stack>
  );
}
