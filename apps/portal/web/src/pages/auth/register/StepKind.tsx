import { Button, Checkbox, Group, Radio, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_KINDS, type RegistrationKind, type WizardState } from './wizard-state';

/** Step 1: the type of registration and the user agreement with the security policy (seeds 000, 002, 004). */
export function StepKind({
  state,
  onNext,
}: {
  state: WizardState;
  onNext: (patch: Pick<WizardState, 'kind' | 'accepted'>) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RegistrationKind>(state.kind);
  const [accepted, setAccepted] = useState(state.accepted);
  const [tried, setTried] = useState(false);
  const kinds: Record<RegistrationKind, { label: string; description: string }> = {
    individual: { label: t('register.kindIndividual'), description: t('register.kindIndividualHint') },
    legal_entity: { label: t('register.kindLegalEntity'), description: t('register.kindLegalEntityHint') },
    certification_body: {
      label: t('register.kindCertificationBody'),
      description: t('register.kindCertificationBodyHint'),
    },
  };

  return (
    <Stack gap="lg">
      <Radio.Group
        label={t('register.kindLabel')}
        value={kind}
        onChange={(value) => setKind(value as RegistrationKind)}
        required
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          {REGISTRATION_KINDS.map((value) => (
            <Radio.Card key={value} value={value} p="md" radius="md">
              <Group wrap="nowrap" align="flex-start">
                <Radio.Indicator />
                <div>
                  <Text fw={600}>{kinds[value].label}</Text>
                  <Text size="sm" c="gray.7">
                    {kinds[value].description}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>

      <section aria-labelledby="agreement-title">
        <Title order={2} size="h4" id="agreement-title" mb="xs">
          {t('agreement.title')}
        </Title>
        <ScrollArea.Autosize mah={280} type="always" offsetScrollbars>
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-line' }}
            tabIndex={0}
            aria-label={t('agreement.title')}
            data-testid="agreement-text"
          >
            {t('agreement.text')}
          </Text>
        </ScrollArea.Autosize>
      </section>

      <Checkbox
        checked={accepted}
        onChange={(event) => setAccepted(event.currentTarget.checked)}
        label={t('agreement.accept')}
        required
        error={tried && !accepted ? t('agreement.acceptRequired') : undefined}
      />

      <Group justify="flex-end">
        <Button
          onClick={() => {
            setTried(true);
            if (accepted) onNext({ kind, accepted });
          }}
        >
          {t('register.next')}
        </Button>
      </Group>
    </Stack>
  );
}
