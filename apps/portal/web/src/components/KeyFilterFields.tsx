import { Accordion, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KeyFilter } from '../signing';

const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, 12);

/**
 * Optional narrowing of NCALayer's key choice by the holder's IIN and the organisation's BIN
 * (signerParams.iin / bin): useful with many keys on one computer, and how the demo picks its key.
 */
export function KeyFilterFields({
  value,
  onChange,
  showBin = true,
}: {
  value: KeyFilter;
  onChange: (next: KeyFilter) => void;
  showBin?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Accordion variant="contained" chevronPosition="left">
      <Accordion.Item value="key-filter">
        <Accordion.Control>{t('keyFilter.title')}</Accordion.Control>
        <Accordion.Panel>
          <Text size="sm" c="gray.7" mb="xs">
            {t('keyFilter.hint')}
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label={t('keyFilter.iin')}
              inputMode="numeric"
              autoComplete="off"
              value={value.iin ?? ''}
              onChange={(event) => onChange({ ...value, iin: digitsOnly(event.currentTarget.value) })}
            />
            {showBin && (
              <TextInput
                label={t('keyFilter.bin')}
                inputMode="numeric"
                autoComplete="off"
                value={value.bin ?? ''}
                onChange={(event) => onChange({ ...value, bin: digitsOnly(event.currentTarget.value) })}
              />
            )}
          </Group>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
