import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KatoPicker } from '../../components/KatoPicker';
import { formatKzPhone, toE164 } from '../../phone';
import type { ApplicationForm, ApplicationView } from './cert-api';
import { useBodies, useStandards } from './cert-api';
import { type DocumentsAccess, DocumentsPanel } from './DocumentsPanel';
import { fieldErrorText } from './field-errors';
import { errorCounts, FORM_TABS, type FormTab, getIn, REQUIRED_PATHS } from './form-paths';
import { FIELD_KEYS, FORM_TAB_KEYS, labelOf } from './keys';
import { formatDateTime } from './labels';
import { Timeline } from './Timeline';

export interface FormBinding {
  form: ApplicationForm;
  /** Absent: read-only. */
  onChange?: (path: string, value: unknown) => void;
  errors: Record<string, string>;
}

/**
 * The application's nine tabs (seed 000): Заявитель … Ход выполнения. Editable while the applicant may edit,
 * read-only otherwise (and always for the body and the moderator). Each tab with server errors shows their count.
 */
export function ApplicationTabs({
  view,
  binding,
  documents,
  signatoriesBlock,
  moderatorBlock,
  activeTab,
  onTabChange,
}: {
  view: ApplicationView;
  binding: FormBinding;
  documents: DocumentsAccess;
  signatoriesBlock?: ReactNode;
  /** The moderator's editor in place of the read-only «Блок модератора». */
  moderatorBlock?: ReactNode;
  /** Controlled tab (the applicant's page opens Заявитель for signing, the first tab with errors on refusal). */
  activeTab?: FormTab;
  onTabChange?: (tab: FormTab) => void;
}) {
  const { t, i18n } = useTranslation();
  const [ownTab, setOwnTab] = useState<FormTab>('applicant');
  const tab = activeTab ?? ownTab;
  const setTab = onTabChange ?? setOwnTab;
  const counts = errorCounts(binding.errors);
  const standards = useStandards();
  const bodies = useBodies(binding.form.scope?.standard || undefined);

  const field = (
    path: string,
    options: { textarea?: boolean; placeholder?: string; phone?: boolean } = {},
  ) => {
    const required = REQUIRED_PATHS.has(path);
    const stored = (getIn(binding.form, path) as string | undefined) ?? '';
    // Phones show the seeds' +7 (7__) ___-__-__ mask and are kept as +77XXXXXXXXX once complete.
    const value = options.phone ? formatKzPhone(stored) : stored;
    const error = binding.errors[path] ? fieldErrorText(t, binding.errors[path]) : undefined;
    const props = {
      label: labelOf(t, FIELD_KEYS, path.replace('.', '_')),
      value,
      readOnly: !binding.onChange,
      withAsterisk: required,
      error,
      placeholder: options.placeholder,
      // Seed: required fields are highlighted in red until filled.
      styles: required && !value ? { input: { borderColor: 'var(--mantine-color-red-6)' } } : undefined,
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        const typed = e.currentTarget.value;
        binding.onChange?.(path, options.phone ? (toE164(typed) ?? formatKzPhone(typed)) : typed);
      },
    };
    return options.textarea ? <Textarea autosize minRows={3} {...props} /> : <TextInput {...props} />;
  };

  const sites = binding.form.scope?.sites ?? [];
  const bodyBin = binding.form.body?.bodyBin ?? '';
  const bodyOptions = (bodies.data ?? []).map((b) => ({
    value: b.bin,
    label: `${i18n.language === 'kk' && b.nameKk ? b.nameKk : b.nameRu} (${b.bin}, ${b.attestatNumber})`,
  }));
  if (bodyBin && !bodyOptions.some((o) => o.value === bodyBin))
    bodyOptions.unshift({
      value: bodyBin,
      label: view.body?.bin === bodyBin ? `${view.body.name} (${bodyBin})` : bodyBin,
    });

  return (
    <Tabs value={tab} onChange={(value) => value && setTab(value as FormTab)} keepMounted={false}>
      <Tabs.List>
        {FORM_TABS.map((name) => (
          <Tabs.Tab
            key={name}
            value={name}
            rightSection={
              counts[name] ? (
                <Badge
                  color="red"
                  size="sm"
                  circle
                  aria-label={t('certification.form.errorCount', { count: counts[name] })}
                >
                  {counts[name]}
                </Badge>
              ) : undefined
            }
          >
            {labelOf(t, FORM_TAB_KEYS, name)}
          </Tabs.Tab>
        ))}
      </Tabs.List>

      <Tabs.Panel value="applicant" pt="md">
        <Stack>
          <Title order={4}>{t('certification.form.applicantHeading')}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label={t('certification.field.applicant_bin')} value={view.applicantBin} readOnly />
            {field('applicant.name')}
            {field('applicant.legalAddress')}
            {field('applicant.headFullName')}
            {field('applicant.mobile', { placeholder: '+7 (7__) ___-__-__', phone: true })}
            {field('applicant.email')}
          </SimpleGrid>
          {signatoriesBlock}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="address" pt="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {field('address.postalIndex')}
          {field('address.region')}
          {field('address.city')}
          {field('address.street')}
          {field('address.house')}
          {field('address.office')}
        </SimpleGrid>
        <KatoPicker
          label={t('certification.field.address_kato')}
          value={binding.form.address?.kato ?? null}
          disabled={!binding.onChange}
          error={
            binding.errors['address.kato'] ? fieldErrorText(t, binding.errors['address.kato']) : undefined
          }
          onChange={(code) => binding.onChange?.('address.kato', code ?? undefined)}
        />
      </Tabs.Panel>

      <Tabs.Panel value="body" pt="md">
        <Stack>
          <Text size="sm" c="gray.7">
            {t('certification.form.bodyHint')}
          </Text>
          <Select
            label={t('certification.field.body_bodyBin')}
            withAsterisk
            data={bodyOptions}
            value={bodyBin || null}
            readOnly={!binding.onChange}
            searchable
            nothingFoundMessage={t('certification.form.noBodies')}
            error={
              binding.errors['body.bodyBin'] ? fieldErrorText(t, binding.errors['body.bodyBin']) : undefined
            }
            styles={!bodyBin ? { input: { borderColor: 'var(--mantine-color-red-6)' } } : undefined}
            onChange={(value) => binding.onChange?.('body.bodyBin', value ?? undefined)}
          />
          {view.journalNumber && (
            <Text size="sm">
              {t('certification.form.journalNumber')}: {view.journalNumber}
            </Text>
          )}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="additional" pt="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {field('additional.contactPerson')}
          {field('additional.contactPhone', { placeholder: '+7 (7__) ___-__-__', phone: true })}
          {field('additional.contactEmail')}
          {field('additional.website')}
          {field('additional.previousCertificate')}
        </SimpleGrid>
        {field('additional.info', { textarea: true })}
      </Tabs.Panel>

      <Tabs.Panel value="scope" pt="md">
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Select
              label={t('certification.field.scope_standard')}
              withAsterisk
              data={standards.data ?? []}
              value={binding.form.scope?.standard ?? null}
              readOnly={!binding.onChange}
              error={
                binding.errors['scope.standard']
                  ? fieldErrorText(t, binding.errors['scope.standard'])
                  : undefined
              }
              styles={
                !binding.form.scope?.standard
                  ? { input: { borderColor: 'var(--mantine-color-red-6)' } }
                  : undefined
              }
              onChange={(value) => binding.onChange?.('scope.standard', value ?? undefined)}
            />
            {field('scope.oked', { placeholder: '62010' })}
            <NumberInput
              label={t('certification.field.scope_headcount')}
              withAsterisk
              min={1}
              value={binding.form.scope?.headcount ?? ''}
              readOnly={!binding.onChange}
              error={
                binding.errors['scope.headcount']
                  ? fieldErrorText(t, binding.errors['scope.headcount'])
                  : undefined
              }
              styles={
                !binding.form.scope?.headcount
                  ? { input: { borderColor: 'var(--mantine-color-red-6)' } }
                  : undefined
              }
              onChange={(value) =>
                binding.onChange?.('scope.headcount', typeof value === 'number' ? value : undefined)
              }
            />
          </SimpleGrid>
          {field('scope.scopeText', { textarea: true })}
          <Title order={5}>{t('certification.form.sites')}</Title>
          {binding.errors['scope.sites'] && (
            <Text c="red" size="sm">
              {fieldErrorText(t, binding.errors['scope.sites'])}
            </Text>
          )}
          {sites.map((site, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sites have no id; the position is the identity
            <Group key={index} align="end" wrap="nowrap">
              <TextInput
                style={{ flex: 2 }}
                label={t('certification.field.site_address')}
                value={site.address}
                readOnly={!binding.onChange}
                error={
                  binding.errors[`scope.sites.${index}.address`]
                    ? fieldErrorText(t, binding.errors[`scope.sites.${index}.address`])
                    : undefined
                }
                onChange={(e) => binding.onChange?.(`scope.sites.${index}.address`, e.currentTarget.value)}
              />
              <TextInput
                style={{ flex: 2 }}
                label={t('certification.field.site_activity')}
                value={site.activity}
                readOnly={!binding.onChange}
                error={
                  binding.errors[`scope.sites.${index}.activity`]
                    ? fieldErrorText(t, binding.errors[`scope.sites.${index}.activity`])
                    : undefined
                }
                onChange={(e) => binding.onChange?.(`scope.sites.${index}.activity`, e.currentTarget.value)}
              />
              {binding.onChange && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('certification.form.removeSite')}
                  onClick={() =>
                    binding.onChange?.(
                      'scope.sites',
                      sites.filter((_, i) => i !== index),
                    )
                  }
                >
                  ✕
                </ActionIcon>
              )}
            </Group>
          ))}
          {binding.onChange && (
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => binding.onChange?.('scope.sites', [...sites, { address: '', activity: '' }])}
              >
                {t('certification.form.addSite')}
              </Button>
            </Group>
          )}
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="documents" pt="md">
        {binding.errors.documents && (
          <Alert color="red" mb="sm">
            {fieldErrorText(t, binding.errors.documents)}
          </Alert>
        )}
        <DocumentsPanel documents={view.documents} access={documents} />
      </Tabs.Panel>

      <Tabs.Panel value="note" pt="md">
        {field('note', { textarea: true })}
      </Tabs.Panel>

      <Tabs.Panel value="moderator" pt="md">
        {moderatorBlock ?? (
          <Stack gap="xs">
            <Textarea
              label={t('certification.form.tabs.moderator')}
              value={view.moderatorBlock?.note ?? ''}
              readOnly
              autosize
              minRows={3}
            />
            {view.moderatorBlock?.updatedAt && (
              <Text size="xs" c="gray.7">
                {formatDateTime(view.moderatorBlock.updatedAt, i18n.language)}
              </Text>
            )}
          </Stack>
        )}
      </Tabs.Panel>

      <Tabs.Panel value="timeline" pt="md">
        <Timeline entries={view.timeline} />
      </Tabs.Panel>
    </Tabs>
  );
}
