import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePublicConfig } from '../queries';
import classes from './shell.module.css';

export function Footer() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const demo = config.data?.demo === true;
  return (
    <Box component="footer" className={classes.footer}>
      <Container size="lg" py="lg">
        <Stack gap="xs">
          <Text size="sm" c="gray.7">
            {t('footer.about')}
          </Text>
          {demo && (
            <Text size="sm" c="orange.9">
              {t('footer.demoMode')}
            </Text>
          )}
          <Group component="nav" aria-label={t('footer.navLabel')} gap="md" wrap="wrap">
            <Text size="sm" c="gray.7">
              {t('footer.license')}
            </Text>
            <Anchor component={Link} to="/verify" size="sm">
              {t('verifySignature.navLink')}
            </Anchor>
            {demo && (
              <Anchor component={Link} to="/dev/outbox" size="sm">
                {t('footer.outbox')}
              </Anchor>
            )}
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}
