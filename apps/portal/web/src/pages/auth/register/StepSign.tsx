import { Alert, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n';
import { type SignedAction, signingErrorText, useSign } from '../../../signing';
import { type RegistrationAnswer, register, registrationBody } from './register-api';
import { effectiveKind, type WizardState } from './wizard-state';

/**
 * Step 4: sign the user agreement with the SIGN key (legal entity: the head's or signing-rights key of that
 * BIN) and register. Server refusals come back in the user's language; field errors go back to step 3.
 */
export function StepSign({
  state,
  onBack,
  onDone,
  onFieldErrors,
}: {
  state: WizardState;
  onBack: () => void;
  onDone: (answer: RegistrationAnswer) => void;
  onFieldErrors: (error: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const sign = useSign();
  const kind = effectiveKind(state);
  const certificate = state.certificate;
  const submit = useMutation({
    mutationFn: async () => {
      const filter = {
        iin: certificate?.iin ?? undefined,
        bin: kind === 'individual' ? undefined : (certificate?.bin ?? state.bin),
      };
      const signed: SignedAction = await sign('registration', filter);
      return register(registrationBody(state, signed));
    },
    onSuccess: onDone,
    onError: (error) => {
      onFieldErrors(error);
    },
  });
  const kindLabel = {
    individual: t('register.kindIndividual'),
    legal_entity: t('register.kindLegalEntity'),
    certification_body: t('register.kindCertificationBody'),
  }[kind];
  const organizationName = state.organization
    ? currentLanguage() === 'kk'
      ? state.organization.shortNameKk
      : state.organization.shortNameRu
    : (certificate?.organization ?? null);
  const rows = [
    { label: t('register.summaryKind'), value: kindLabel },
    ...(kind !== 'individual' && organizationName
      ? [{ label: t('register.summaryOrganization'), value: `${organizationName} (${state.bin})` }]
      : []),
    { label: t('certificate.fullName'), value: certificate?.fullName ?? '' },
    { label: t('certificate.iin'), value: certificate?.iin ?? '' },
    { label: t('register.email'), value: state.contacts.email },
    { label: t('register.mobilePhone'), value: state.contacts.mobilePhone },
  ];

  return (
    <Stack gap="md" maw={720}>
      <Card withBorder padding="md" component="section" aria-label={t('register.summary')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
          {rows.map((row) => (
            <div key={row.label} style={{ display: 'contents' }}>
              <Text component="dt" size="sm" c="gray.7">
                {row.label}
              </Text>
              <Text component="dd" size="sm" fw={500} m={0}>
                {row.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      <Text size="sm">
        {kind === 'individual' ? t('register.signIntroIndividual') : t('register.signIntroOrganization')}
      </Text>
      {submit.isError && (
        <Alert color="red" role="alert" data-testid="registration-error">
          {signingErrorText(t, submit.error)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} disabled={submit.isPending}>
          {t('register.back')}
        </Button>
        <Button onClick={() => submit.mutate()} loading={submit.isPending}>
          {t('register.signAndRegister')}
        </Button>
      </Group>
    </Stack>
  );
}
