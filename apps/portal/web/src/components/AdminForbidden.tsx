import { Alert, Stack, Title } from '@mantine/core';

/** What an administrator-only page shows anyone else: its title and the page's own refusal text. */
export function AdminForbidden({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Alert color="red">{text}</Alert>
    </Stack>
  );
}
