import { Alert, Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api';
import { CatalogTrail } from '../../components/CatalogTrail';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import type { MeUser } from '../../queries';
import { signingErrorText } from '../../signing';
import { ApplicationTabs } from './ApplicationTabs';
import { CertificateCard } from './CertificateCard';
import { allowedCapacities, CAPACITIES, CAPACITY_KEYS, type Capacity, capacityOf } from './capacity';
import { type ApplicationForm, type ApplicationView, applicantBase, useApplication } from './cert-api';
import { useCertSigner } from './cert-sign';
import { fieldErrorText } from './field-errors';
import { errorCounts, FORM_TABS, type FormTab, setIn } from './form-paths';
import { labelOf } from './keys';
import { formatDateTime, statusColor, statusText } from './labels';
import { RequireOrganization, RequireSignIn } from './RequireSignIn';
import { SignatoriesTable } from './SignatoriesTable';

const AUTOSAVE_MS = 2000;

/** «Создание заявки» / «Просмотр заявки» (seed 000) for the acting organisation. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('certification.form.title'));
  return (
    <Stack gap="md">
      <CatalogTrail />
      <Group>
        <Button component={Link} to="/certification" variant="subtle" px={0}>
          {t('certification.form.back')}
        </Button>
      </Group>
      <RequireSignIn>
        {(user) => (
          <RequireOrganization>
            {(organization) => (
              <ApplicantApplication
                orgId={organization.id}
                orgBin={organization.bin}
                id={id}
                user={user}
                capacities={allowedCapacities({ ...organization, userIin: user.iin })}
              />
            )}
          </RequireOrganization>
        )}
      </RequireSignIn>
    </Stack>
  );
}

function ApplicantApplication({
  orgId,
  orgBin,
  id,
  user,
  capacities,
}: {
  orgId: string;
  orgBin: string;
  id: string;
  user: MeUser;
  /** The capacities the caller may choose at «Подать заявку» (capacity.ts). */
  capacities: Capacity[];
}) {
  const { t, i18n } = useTranslation();
  const url = `${applicantBase(orgId)}/${id}`;
  const application = useApplication(url);
  const queryClient = useQueryClient();
  const { signRequest } = useCertSigner();
  const [form, setForm] = useState<ApplicationForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const [signingId, setSigningId] = useState<string | null>(null);
  const [tab, setTab] = useState<FormTab>('applicant');
  // Edits since the last save: a counter, so a save that raced a keystroke does not mark the form clean.
  const version = useRef(0);
  const savedVersion = useRef(0);
  const [dirty, setDirty] = useState(false);

  const view = application.data;
  useEffect(() => {
    if (view && version.current === savedVersion.current) setForm(view.form);
  }, [view]);

  const setView = useCallback(
    (next: ApplicationView) => {
      queryClient.setQueryData(['certification', 'application', url], next);
      void queryClient.invalidateQueries({ queryKey: ['certification', 'list'] });
    },
    [queryClient, url],
  );

  const save = useMutation({
    mutationFn: async (values: ApplicationForm) => {
      const at = version.current;
      const next = await api<ApplicationView>(url, { method: 'PUT', body: values });
      return { next, at };
    },
    onSuccess: ({ next, at }) => {
      savedVersion.current = at;
      if (at === version.current) setDirty(false);
      setSavedAt(new Date());
      setView(next);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields) setErrors(error.fields);
    },
  });

  const onChange = (path: string, value: unknown) => {
    version.current += 1;
    setDirty(true);
    setForm((f) => setIn(f ?? {}, path, value));
    setErrors((e) => {
      if (!(path in e)) return e;
      const { [path]: _, ...rest } = e;
      return rest;
    });
  };

  // Autosave: a draft is saved a moment after the last edit.
  useEffect(() => {
    if (!dirty || !form || !view?.editable || save.isPending) return;
    const timer = setTimeout(() => save.mutate(form), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, form, view?.editable, save]);

  const run = async (action: () => Promise<ApplicationView>, success?: string) => {
    setMessage(null);
    try {
      const next = await action();
      setView(next);
      // Signing happens in the signatories table on Заявитель.
      if (next.status === 'signing') setTab('applicant');
      if (success) setMessage({ color: 'green', text: success });
    } catch (error) {
      if (error instanceof ApiError && error.fields) {
        setErrors(error.fields);
        // The first tab (in the seed's order) with an error opens.
        const counts = errorCounts(error.fields);
        setTab(FORM_TABS.find((name) => counts[name]) ?? 'applicant');
        setMessage({
          color: 'red',
          text: t('certification.form.fixErrors', { count: Object.keys(error.fields).length }),
        });
      } else setMessage({ color: 'red', text: signingErrorText(t, error) });
    }
  };

  const submit = () =>
    run(async () => {
      // The shown choice (the seed's «За себя» by default) is what is submitted and signed.
      const capacity = capacityOf(form?.capacity, capacities);
      if (form && capacity && form.capacity !== capacity) await save.mutateAsync({ ...form, capacity });
      else if (dirty && form) await save.mutateAsync(form);
      setErrors({});
      return api<ApplicationView>(`${url}/submit`, { method: 'POST', body: {} });
    }, t('certification.form.submitted'));

  const sign = async (signatoryId: string) => {
    setSigningId(signatoryId);
    try {
      await run(async () => {
        const signed = await signRequest('certification_application', id, {
          iin: user.iin ?? undefined,
          bin: orgBin,
        });
        return api<ApplicationView>(`${url}/signatures`, {
          method: 'POST',
          body: { ...signed, signatoryId },
        });
      }, t('certification.form.signedOne'));
    } finally {
      setSigningId(null);
    }
  };

  if (application.isPending) return <PageLoader />;
  if (application.isError || !view || !form)
    return <Alert color="red">{errorText(t, application.error)}</Alert>;

  const editable = view.editable;
  const can = (action: string) => view.allowedActions.includes(action);
  // The save state speaks of the draft only; a submitted application is not saved from here.
  const saveState = !editable
    ? ''
    : save.isPending
      ? t('certification.form.saving')
      : dirty
        ? t('certification.form.unsaved')
        : savedAt
          ? t('certification.form.savedAt', { time: formatDateTime(savedAt.toISOString(), i18n.language) })
          : '';

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2}>
            {editable && view.status === 'draft'
              ? t('certification.form.createTitle')
              : t('certification.form.viewTitle')}{' '}
            {view.number}
          </Title>
          <Text size="sm">{t('certification.form.service')}</Text>
        </Stack>
        <Badge
          size="lg"
          color={statusColor(view.status)}
          style={{ textTransform: 'none' }}
          data-testid="status"
        >
          {statusText(t, view.status)}
        </Badge>
      </Group>
      {view.status === 'returned' && (
        <Alert color="yellow" title={t('certification.form.returnedTitle')}>
          {String([...view.timeline].reverse().find((e) => e.action === 'return')?.payload?.comment ?? '')}
        </Alert>
      )}
      {message && (
        <Alert color={message.color} role={message.color === 'red' ? 'alert' : 'status'}>
          {message.text}
        </Alert>
      )}
      <ApplicationTabs
        view={view}
        binding={{ form, errors, onChange: editable ? onChange : undefined }}
        activeTab={tab}
        onTabChange={setTab}
        documents={{
          kinds: ['applicant'],
          downloadUrl: (documentId) => `${url}/documents/${documentId}`,
          uploadUrl: editable ? `${url}/documents` : undefined,
          onUploaded: () => {
            setErrors(({ documents: _, ...rest }) => rest);
            void application.refetch();
          },
          remove: editable
            ? async (documentId) => {
                await api(`${url}/documents/${documentId}`, { method: 'DELETE' });
                await application.refetch();
              }
            : undefined,
        }}
        signatoriesBlock={
          <SignatoriesTable
            planned={form.signatories ?? []}
            signatories={view.signatories}
            errors={errors}
            onChange={editable ? (value) => onChange('signatories', value) : undefined}
            onSign={view.status === 'signing' ? sign : undefined}
            signingId={signingId}
          />
        }
      />
      {view.certificates.map((c) => (
        <CertificateCard key={c.id} certificate={c} />
      ))}
      <Group justify="space-between" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs">
        <Text size="sm" c="gray.7" role="status" data-testid="save-state">
          {saveState}
        </Text>
        <Group>
          {editable && (
            <Button variant="default" loading={save.isPending} onClick={() => form && save.mutate(form)}>
              {t('certification.form.save')}
            </Button>
          )}
          {can('unlock') && (
            <Button
              variant="default"
              onClick={() => run(() => api<ApplicationView>(`${url}/unlock`, { method: 'POST', body: {} }))}
            >
              {t('certification.form.unlock')}
            </Button>
          )}
          {can('submit') && (
            <Button color="green" onClick={submit}>
              {t('certification.form.submit')}
            </Button>
          )}
          <CapacityChoice
            value={editable ? capacityOf(form.capacity, capacities) : (view.capacity ?? undefined)}
            allowed={editable ? capacities : []}
            error={errors.capacity}
            onChange={editable ? (value) => onChange('capacity', value) : undefined}
          />
        </Group>
      </Group>
    </Stack>
  );
}

/** «Подать заявку: За себя ▾» — the capacity (seed 000), beside the button; read-only once submitted. */
function CapacityChoice({
  value,
  allowed,
  error,
  onChange,
}: {
  value: Capacity | undefined;
  allowed: Capacity[];
  error?: string;
  onChange?: (value: Capacity) => void;
}) {
  const { t } = useTranslation();
  const hint =
    value === 'self' ? t('certification.capacity.hint_self') : t('certification.capacity.hint_organization');
  return (
    <Select
      aria-label={t('certification.capacity.label')}
      data-testid="capacity"
      w={240}
      value={value ?? null}
      readOnly={!onChange}
      allowDeselect={false}
      data={CAPACITIES.filter((c) => c === value || allowed.includes(c)).map((c) => ({
        value: c,
        label: labelOf(t, CAPACITY_KEYS, c),
      }))}
      onChange={(next) => next && onChange?.(next as Capacity)}
      title={value ? hint : undefined}
      error={error ? fieldErrorText(t, error) : undefined}
    />
  );
}
