import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { DirectorySelect } from '../../components/DirectorySelect';
import { KeyFilterFields } from '../../components/KeyFilterFields';
import { PageLoader } from '../../components/PageLoader';
import { applyServerFieldErrors } from '../../form-errors';
import { chooseActingOrganization } from '../../organization';
import { usePageTitle } from '../../page-title';
import { queryKeys, useMe } from '../../queries';
import { type KeyFilter, type SignedAction, signingErrorText, useSign } from '../../signing';
import {
  fetchAgreement,
  type Prefill,
  prefill as prefillFromSignature,
  type RegistrationForm,
  registerParticipant,
} from './organization-api';

const EMPTY: RegistrationForm = {
  registrationDate: '',
  registrationNumber: '',
  registrationAuthority: '',
  countryCode: '398',
  kopf: '',
  kse: '',
  kfs: '',
  supplier: true,
  customer: false,
  resident: true,
  smallBusiness: false,
  mediumBusiness: false,
  email: '',
  site: '',
  phone: '',
  applicantName: '',
  applicantPosition: '',
  headIin: '',
  headSurname: '',
  headFirstName: '',
  headPatronymic: '',
  headPosition: '',
};
const FIELDS = Object.keys(EMPTY) as Path<RegistrationForm>[];
/** Server field names that sit on another control of this form. */
const ALIASES: Partial<Record<string, Path<RegistrationForm>>> = { roles: 'supplier' };

/**
 * «Регистрация участника» (seed 001): the signed-in person signs the participant agreement with their
 * organisation's key (first head or signing rights); BIN and name come from the certificate, the registration
 * data from the registry; «Подтверждаю данные» shows every error of the server's checks at once.
 */
export function ParticipantRegistrationPage() {
  const { t } = useTranslation();
  usePageTitle(t('participant.register.title'));
  const sign = useSign();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const agreement = useQuery({ queryKey: ['organization', 'agreement'], queryFn: fetchAgreement });
  const me = useMe();
  // The person's own key of the organisation: their IIN (and the BIN of an organisation's own login).
  const [filter, setFilter] = useState<KeyFilter | null>(null);
  const keyFilter: KeyFilter = filter ?? { iin: me.data?.iin ?? '', bin: me.data?.bin ?? '' };
  const [signed, setSigned] = useState<SignedAction | null>(null);
  const [data, setData] = useState<Prefill | null>(null);
  const [alert, setAlert] = useState<string[]>([]);
  const form = useForm<RegistrationForm>({ defaultValues: EMPTY });
  const { errors } = form.formState;
  const entrepreneur = data?.kind === 'individual_entrepreneur';

  const start = useMutation({
    mutationFn: async () => {
      const action = await sign('participant_agreement', keyFilter);
      return { action, values: await prefillFromSignature(action) };
    },
    onSuccess: ({ action, values }) => {
      setSigned(action);
      setData(values);
      form.reset({
        ...EMPTY,
        registrationDate: values.registrationDate ?? '',
        registrationNumber: values.registrationNumber ?? '',
        registrationAuthority: values.registrationAuthority ?? '',
        countryCode: values.countryCode,
        kopf: values.kopf ?? '',
        kse: values.kse ?? '',
        kfs: values.kfs ?? '',
        applicantName: values.applicantName ?? '',
        headIin: values.headIin ?? '',
      });
    },
  });

  const confirm = useMutation({
    mutationFn: async (values: RegistrationForm) => {
      try {
        return await registerParticipant(values, signed!, data!.bin);
      } catch (error) {
        // The agreement signature lives a few minutes: an expired one is signed again, once.
        const stale =
          error instanceof ApiError && ['expired', 'already_used'].includes(String(error.body.reason));
        if (stale && error.code === 'signature_invalid') {
          const fresh = await sign('participant_agreement', { ...keyFilter, bin: data?.bin });
          setSigned(fresh);
          return registerParticipant(values, fresh, data!.bin);
        }
        throw error;
      }
    },
    onMutate: () => setAlert([]),
    onSuccess: async ({ organization, message }) => {
      chooseActingOrganization(organization.id);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      navigate('/cabinet/organization', { state: { message } });
    },
    onError: (error) => {
      const placed = applyServerFieldErrors(error, form.setError, FIELDS, ALIASES);
      setAlert(placed.placed || placed.unplaced.length ? placed.unplaced : [signingErrorText(t, error)]);
      if (placed.placed) setAlert((prev) => [t('participant.register.fixErrors'), ...prev]);
    },
  });

  const text = (
    name: Path<RegistrationForm>,
    label: string,
    opts: { required?: boolean; type?: string } = {},
  ) => (
    <TextInput
      label={label}
      required={opts.required}
      type={opts.type}
      error={errors[name as keyof RegistrationForm]?.message}
      {...form.register(name)}
    />
  );
  const directory = (
    name: 'countryCode' | 'kopf' | 'kse' | 'kfs',
    kind: 'countries' | 'kopf' | 'kse' | 'kfs',
    label: string,
  ) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <DirectorySelect
          kind={kind}
          label={label}
          required
          value={field.value || null}
          onChange={(code) => field.onChange(code ?? '')}
          onBlur={field.onBlur}
          error={errors[name]?.message}
        />
      )}
    />
  );

  return (
    <Stack gap="lg">
      <Title order={2}>{t('participant.register.title')}</Title>
      <Text c="gray.7">{t('participant.register.intro')}</Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={3}>{t('participant.register.agreement')}</Title>
          {agreement.isPending && <PageLoader />}
          {agreement.data && (
            <ScrollArea h={180} type="auto">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="participant-agreement">
                {agreement.data.text}
              </Text>
            </ScrollArea>
          )}
          <KeyFilterFields value={keyFilter} onChange={setFilter} />
          <Group>
            <Button
              onClick={() => start.mutate()}
              loading={start.isPending}
              variant={signed ? 'light' : 'filled'}
            >
              {signed ? t('participant.register.signAgain') : t('participant.register.sign')}
            </Button>
            {signed && <Text c="green.8">{t('participant.register.signed')}</Text>}
          </Group>
          {start.isError && (
            <Alert color="red" role="alert">
              {signingErrorText(t, start.error)}
            </Alert>
          )}
        </Stack>
      </Paper>

      {data?.alreadyRegistered && (
        <Alert color="yellow" role="alert">
          {t('participant.register.alreadyRegistered')}
        </Alert>
      )}

      {data && (
        <form noValidate onSubmit={form.handleSubmit((values) => confirm.mutate(values))}>
          <Stack gap="md">
            <Fieldset legend={t('participant.register.identification')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('participant.fields.bin')} value={data.bin} readOnly />
                <TextInput label={t('participant.fields.name')} value={data.name} readOnly />
                {text('registrationDate', t('participant.fields.registrationDate'), {
                  required: true,
                  type: 'date',
                })}
                {text('registrationNumber', t('participant.fields.registrationNumber'), { required: true })}
                {text('registrationAuthority', t('participant.fields.registrationAuthority'), {
                  required: true,
                })}
                {directory('countryCode', 'countries', t('participant.fields.country'))}
              </SimpleGrid>
            </Fieldset>

            <Fieldset legend={t('participant.register.attributes')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {directory('kopf', 'kopf', t('participant.fields.kopf'))}
                {directory('kse', 'kse', t('participant.fields.kse'))}
                {directory('kfs', 'kfs', t('participant.fields.kfs'))}
              </SimpleGrid>
              <Stack gap={6} mt="sm">
                <Checkbox
                  label={t('participant.roles.supplier')}
                  error={errors.supplier?.message}
                  {...form.register('supplier')}
                />
                <Checkbox label={t('participant.roles.customer')} {...form.register('customer')} />
                <Checkbox
                  label={t('participant.roles.organizer')}
                  disabled
                  description={t('participant.roles.organizerHint')}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend={t('participant.register.flags')}>
              <Stack gap={6}>
                <Checkbox label={t('participant.fields.resident')} {...form.register('resident')} />
                <Checkbox label={t('participant.fields.smallBusiness')} {...form.register('smallBusiness')} />
                <Checkbox
                  label={t('participant.fields.mediumBusiness')}
                  error={errors.mediumBusiness?.message}
                  {...form.register('mediumBusiness')}
                />
              </Stack>
            </Fieldset>

            <Fieldset legend={t('participant.register.contacts')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                {text('email', t('participant.fields.email'), { required: true, type: 'email' })}
                {text('site', t('participant.fields.site'))}
                {text('phone', t('participant.fields.phones'), { required: true })}
              </SimpleGrid>
            </Fieldset>

            {!entrepreneur && (
              <>
                <Fieldset legend={t('participant.register.applicant')}>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    {text('applicantName', t('participant.fields.applicantName'), { required: true })}
                    {text('applicantPosition', t('participant.fields.position'), { required: true })}
                  </SimpleGrid>
                </Fieldset>
                <Fieldset legend={t('participant.register.head')}>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    {text('headIin', t('participant.fields.iin'), { required: true })}
                    {text('headSurname', t('participant.fields.surname'), { required: true })}
                    {text('headFirstName', t('participant.fields.firstName'), { required: true })}
                    {text('headPatronymic', t('participant.fields.patronymic'))}
                    {text('headPosition', t('participant.fields.position'), { required: true })}
                  </SimpleGrid>
                </Fieldset>
              </>
            )}

            {alert.length > 0 && (
              <Alert color="red" role="alert" data-testid="registration-errors">
                {alert.map((line) => (
                  <Text key={line} size="sm">
                    {line}
                  </Text>
                ))}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={confirm.isPending} disabled={data.alreadyRegistered}>
                {t('participant.register.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
