import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { z } from 'zod';
import { DirectorySelect } from '../../components/DirectorySelect';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { applyServerFieldErrors } from '../../form-errors';
import { usePageTitle } from '../../page-title';
import { accountNumberMessage } from './account-number';
import { useBankingOrganization } from './acting-organization';
import { BankRequestForm } from './BankRequestForm';
import {
  type BankAccount,
  useBankAccount,
  useBankAccounts,
  useDirectory,
  useSaveBankAccount,
} from './banking-api';
import { NoOrganization } from './NoOrganization';

function accountSchema(t: TFunction) {
  return z
    .object({
      oldFormat: z.boolean(),
      number: z.string(),
      bankCode: z.string().min(1, t('validation.required')),
      accountType: z.string().min(1, t('validation.required')),
      openedOn: z.string(),
      closedOn: z.string(),
      guaranteeDeposit: z.boolean(),
      isDefault: z.boolean(),
    })
    .superRefine((v, ctx) => {
      const message = accountNumberMessage(t, v.number, v.oldFormat);
      if (message) ctx.addIssue({ code: 'custom', path: ['number'], message });
      if (v.openedOn && v.closedOn && v.closedOn < v.openedOn)
        ctx.addIssue({
          code: 'custom',
          path: ['closedOn'],
          message: t('banking.accounts.closedBeforeOpened'),
        });
    });
}
type AccountValues = z.infer<ReturnType<typeof accountSchema>>;
const FIELDS = ['number', 'bankCode', 'accountType', 'openedOn', 'closedOn'] as const;

const valuesOf = (a?: BankAccount): AccountValues => ({
  oldFormat: a?.oldFormat ?? false,
  number: a?.number ?? '',
  bankCode: a?.bankCode ?? '',
  accountType: a?.accountType ?? '',
  openedOn: a?.openedOn ?? '',
  closedOn: a?.closedOn ?? '',
  guaranteeDeposit: a?.guaranteeDeposit ?? false,
  isDefault: a?.isDefault ?? false,
});

/** «Добавление счета» (/cabinet/bank-accounts/new) and «Редактировать счет» (/cabinet/bank-accounts/:id/edit). */
export function BankAccountFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const title = id ? t('banking.accounts.editTitle') : t('banking.accounts.addTitle');
  usePageTitle(title);
  const { organization, isLoading } = useBankingOrganization();
  const existing = useBankAccount(organization?.id, id);
  if (isLoading || (id && existing.isLoading)) return <PageLoader />;
  if (!organization) return <NoOrganization title={title} />;
  if (id && existing.isError) return <Alert color="red">{errorText(t, existing.error)}</Alert>;
  return (
    <AccountForm key={id ?? 'new'} organizationId={organization.id} account={existing.data} title={title} />
  );
}

function AccountForm(props: { organizationId: string; account?: BankAccount; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { account, organizationId } = props;
  const list = useBankAccounts(organizationId);
  const types = useDirectory('account_types');
  const save = useSaveBankAccount(organizationId, account?.id);
  const [bankRequestOpen, setBankRequestOpen] = useState(false);
  const form = useForm<AccountValues>({
    resolver: zodResolver(accountSchema(t)),
    defaultValues: valuesOf(account),
  });
  const { errors } = form.formState;
  useEffect(() => {
    // A new account defaults to «Расчетный счет» when the directory has it (seed 001 shows it preselected).
    if (!account && !form.getValues('accountType') && types.data?.length) {
      form.setValue('accountType', types.data.find((x) => x.code === 'current')?.code ?? types.data[0].code);
    }
  }, [account, form, types.data]);

  const kbe = account?.kbe ?? list.data?.kbe;
  const kbeText = kbe
    ? [kbe, list.data?.kbeName].filter(Boolean).join(' - ')
    : t('banking.accounts.kbeUnknown');

  const onSubmit = form.handleSubmit((values) =>
    save.mutate(
      { ...values, openedOn: values.openedOn || null, closedOn: values.closedOn || null },
      {
        onSuccess: (saved) => navigate(`/cabinet/bank-accounts/${saved.id}`),
        onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS),
      },
    ),
  );

  return (
    <Stack gap="md">
      <Title order={2}>{props.title}</Title>
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm" maw={560}>
          <Controller
            control={form.control}
            name="oldFormat"
            render={({ field }) => (
              <Checkbox
                label={t('banking.accounts.oldFormat')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
          <TextInput
            label={t('banking.accounts.number')}
            description={t('banking.accounts.numberHint')}
            required
            maxLength={42}
            autoComplete="off"
            error={errors.number?.message}
            {...form.register('number')}
          />
          <TextInput label={t('banking.accounts.kbe')} value={kbeText} readOnly variant="filled" />
          <Controller
            control={form.control}
            name="bankCode"
            render={({ field }) => (
              <DirectorySelect
                kind="banks"
                label={t('banking.accounts.bankName')}
                placeholder={t('banking.accounts.chooseBank')}
                required
                value={field.value || null}
                onChange={(code) => field.onChange(code ?? '')}
                error={errors.bankCode?.message}
              />
            )}
          />
          <Group>
            <Button variant="light" onClick={() => setBankRequestOpen(true)}>
              {t('banking.requests.addBank')}
            </Button>
          </Group>
          <Controller
            control={form.control}
            name="accountType"
            render={({ field }) => (
              <Select
                label={t('banking.accounts.accountType')}
                required
                data={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={errors.accountType?.message}
              />
            )}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('banking.accounts.openedOn')}
              error={errors.openedOn?.message}
              {...form.register('openedOn')}
            />
            <TextInput
              type="date"
              label={t('banking.accounts.closedOn')}
              error={errors.closedOn?.message}
              {...form.register('closedOn')}
            />
          </Group>
          <Controller
            control={form.control}
            name="guaranteeDeposit"
            render={({ field }) => (
              <Checkbox
                label={t('banking.accounts.guaranteeDeposit')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
          <Controller
            control={form.control}
            name="isDefault"
            render={({ field }) => (
              <Checkbox
                label={t('banking.accounts.isDefault')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
          {save.isError && (
            <Alert color="red" role="alert">
              {errorText(t, save.error)}
            </Alert>
          )}
          <Group justify="space-between">
            <Button component={Link} to="/cabinet/bank-accounts" variant="default">
              {t('banking.accounts.backToList')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('banking.accounts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={bankRequestOpen}
        onClose={() => setBankRequestOpen(false)}
        title={t('banking.requests.formTitle')}
        size="lg"
      >
        <BankRequestForm organizationId={organizationId} onClose={() => setBankRequestOpen(false)} />
      </Modal>
    </Stack>
  );
}
