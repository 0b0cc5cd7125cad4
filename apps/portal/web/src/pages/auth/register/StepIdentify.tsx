import { Alert, Anchor, Button, Card, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificateCard, formatDate } from '../../../components/CertificateCard';
import { KeyFilterFields } from '../../../components/KeyFilterFields';
import { errorText } from '../../../error-text';
import { currentLanguage } from '../../../i18n';
import { type KeyFilter, signingErrorText, useSign } from '../../../signing';
import { EmployerNotice } from '../../employees/EmployerNotice';
import { identify, lookupLegalEntity } from './register-api';
import { asksForBin, type LegalEntity, type WizardState } from './wizard-state';

const digits12 = (value: string) => value.replace(/\D/g, '').slice(0, 12);
const TWELVE = /^\d{12}$/;

type IdentifyPatch = Pick<
  WizardState,
  'bin' | 'iin' | 'asIndividual' | 'employee' | 'organization' | 'certificate'
>;

/**
 * Step 2: who registers. An organisation is found by BIN («Найти», seed 000) with «Я являюсь физическим лицом
 * (не ИП)» switching to IIN and «Я являюсь сотрудником»; then the person proves themselves with the AUTH key
 * and sees the certificate's IIN, e-mail, full name and validity (seed 002).
 */
export function StepIdentify({
  state,
  onBack,
  onNext,
}: {
  state: WizardState;
  onBack: (patch: IdentifyPatch) => void;
  onNext: (patch: IdentifyPatch) => void;
}) {
  const { t } = useTranslation();
  const sign = useSign();
  const [local, setLocal] = useState<IdentifyPatch>({
    bin: state.bin,
    iin: state.iin,
    asIndividual: state.asIndividual,
    employee: state.employee,
    organization: state.organization,
    certificate: state.certificate,
  });
  const [holderFilter, setHolderFilter] = useState<KeyFilter>({});
  const [tried, setTried] = useState(false);
  const update = (patch: Partial<IdentifyPatch>) => setLocal((prev) => ({ ...prev, ...patch }));
  const byBin = asksForBin({ ...state, ...local });

  const find = useMutation({
    mutationFn: (bin: string) => lookupLegalEntity(bin),
    onSuccess: (organization) => update({ organization }),
    onError: () => update({ organization: null }),
  });
  const choose = useMutation({
    mutationFn: async () => {
      const filter: KeyFilter = byBin ? { bin: local.bin, iin: holderFilter.iin } : { iin: local.iin };
      return identify(await sign('identify', filter));
    },
    onSuccess: (answer) => update({ certificate: answer.certificate }),
  });

  const binMismatch =
    byBin && !local.employee && local.certificate && local.certificate.bin !== local.bin
      ? t('register.binMismatch', { bin: local.certificate.bin ?? t('certificate.none') })
      : null;
  const iinMismatch =
    !byBin && TWELVE.test(local.iin) && local.certificate && local.certificate.iin !== local.iin
      ? t('register.iinMismatch')
      : null;
  const missing = (() => {
    if (byBin && !local.organization) return t('register.findFirst');
    if (!local.certificate) return t('register.chooseCertificateFirst');
    return null;
  })();

  return (
    <Stack gap="md">
      {state.kind !== 'individual' && (
        <Group gap="xl">
          <Switch
            label={t('register.asIndividual')}
            checked={local.asIndividual}
            onChange={(event) =>
              update({ asIndividual: event.currentTarget.checked, employee: false, certificate: null })
            }
          />
          <Switch
            label={t('register.asEmployee')}
            checked={local.employee}
            disabled={local.asIndividual}
            onChange={(event) => update({ employee: event.currentTarget.checked, certificate: null })}
          />
        </Group>
      )}

      {byBin ? (
        <Stack gap="xs">
          <form
            noValidate
            aria-label={t('register.findOrganization')}
            onSubmit={(event) => {
              event.preventDefault();
              if (TWELVE.test(local.bin)) find.mutate(local.bin);
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('register.bin')}
                placeholder={t('register.binPlaceholder')}
                required
                inputMode="numeric"
                value={local.bin}
                onChange={(event) =>
                  update({ bin: digits12(event.currentTarget.value), organization: null, certificate: null })
                }
                error={tried && !TWELVE.test(local.bin) ? t('register.binFormat') : undefined}
                w={260}
              />
              <Button
                type="submit"
                variant="light"
                loading={find.isPending}
                disabled={!TWELVE.test(local.bin)}
              >
                {t('register.find')}
              </Button>
            </Group>
          </form>
          {find.isError && (
            <Alert color="red" role="alert">
              {errorText(t, find.error)}
            </Alert>
          )}
          {local.organization && <OrganizationCard organization={local.organization} kind={state.kind} />}
          {local.employee && local.organization && <EmployerNotice bin={local.bin} />}
        </Stack>
      ) : (
        <TextInput
          label={t('register.iin')}
          description={t('register.iinHint')}
          inputMode="numeric"
          value={local.iin}
          onChange={(event) => update({ iin: digits12(event.currentTarget.value), certificate: null })}
          w={260}
        />
      )}

      <Text size="sm">{t('register.identifyIntro')}</Text>
      {byBin && <KeyFilterFields value={holderFilter} onChange={setHolderFilter} showBin={false} />}
      {local.certificate ? (
        <Stack gap="xs">
          <CertificateCard certificate={local.certificate} />
          <Group>
            <Anchor component="button" type="button" size="sm" onClick={() => choose.mutate()}>
              {t('register.otherCertificate')}
            </Anchor>
          </Group>
        </Stack>
      ) : (
        <Group>
          <Button
            onClick={() => choose.mutate()}
            loading={choose.isPending}
            disabled={byBin && !local.organization}
          >
            {t('register.chooseCertificate')}
          </Button>
        </Group>
      )}
      {choose.isError && (
        <Alert color="red" role="alert">
          {signingErrorText(t, choose.error)}
        </Alert>
      )}
      {(binMismatch || iinMismatch) && (
        <Alert color="red" role="alert">
          {binMismatch ?? iinMismatch}
        </Alert>
      )}
      {tried && missing && (
        <Alert color="yellow" role="alert">
          {missing}
        </Alert>
      )}

      <Group justify="space-between">
        <Button variant="default" onClick={() => onBack(local)}>
          {t('register.back')}
        </Button>
        <Button
          onClick={() => {
            setTried(true);
            if (!missing && !binMismatch && !iinMismatch) onNext(local);
          }}
        >
          {t('register.next')}
        </Button>
      </Group>
    </Stack>
  );
}

/** «Сведения найденной организации» (seed 000's notifications after «Найти»). */
function OrganizationCard({ organization, kind }: { organization: LegalEntity; kind: WizardState['kind'] }) {
  const { t } = useTranslation();
  const kk = currentLanguage() === 'kk';
  return (
    <Card withBorder padding="md" data-testid="organization-card">
      <Text fw={600}>{kk ? organization.shortNameKk : organization.shortNameRu}</Text>
      <Text size="sm">{kk ? organization.nameKk : organization.nameRu}</Text>
      <Text size="sm">
        {t('register.orgRegistration', {
          number: organization.registrationNumber,
          date: formatDate(organization.registrationDate),
        })}
      </Text>
      <Text size="sm" c="gray.7">
        {organization.legalAddress.text}
      </Text>
      {kind === 'certification_body' && !organization.isCertificationBody && (
        <Text size="sm" c="red.8" mt="xs" role="alert">
          {t('register.notCertificationBody')}
        </Text>
      )}
    </Card>
  );
}
