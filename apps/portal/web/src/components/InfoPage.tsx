import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../page-title';

/** A titled page with one paragraph and a way home: placeholders, 404. Text comes in already translated. */
export function InfoPage({
  title,
  text,
  homeLabel,
  headingOrder = 1,
}: {
  title: string;
  text: string;
  homeLabel?: string;
  /** 2 inside a layout that already has the page's h1 (the cabinet). */
  headingOrder?: 1 | 2;
}) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Stack gap="md" maw={720}>
      <Title order={headingOrder}>{title}</Title>
      <Text>{text}</Text>
      <div>
        <Button component={Link} to="/" variant="light">
          {homeLabel ?? t('auth.toHome')}
        </Button>
      </div>
    </Stack>
  );
}
