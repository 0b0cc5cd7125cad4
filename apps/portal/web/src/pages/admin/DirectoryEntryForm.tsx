import { Alert, Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type DirectoryEntry,
  type DirectoryKind,
  type EntryBody,
  useSaveDirectoryEntry,
} from '../../directories';
import { errorText } from '../../error-text';
import { applyServerFieldErrors } from '../../form-errors';

interface FormValues {
  code: string;
  parentCode: string;
  nameRu: string;
  nameKk: string;
  nameEn: string;
  active: boolean;
  bankCode: string;
  addressRu: string;
  addressKk: string;
  headOffice: boolean;
  resident: boolean;
  alpha2: string;
  alpha3: string;
  sectorDigit: string;
  size: string;
  level: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const opt = (v: string) => (v.trim() ? v.trim() : undefined);

function initialValues(entry: DirectoryEntry | null, defaultParent?: string): FormValues {
  const a = entry?.attrs ?? {};
  return {
    code: entry?.code ?? '',
    parentCode: entry ? (entry.parentCode ?? '') : (defaultParent ?? ''),
    nameRu: entry?.nameRu ?? '',
    nameKk: entry?.nameKk ?? '',
    nameEn: entry?.nameEn ?? '',
    active: entry?.active ?? true,
    bankCode: str(a.bankCode),
    addressRu: str(a.addressRu),
    addressKk: str(a.addressKk),
    headOffice: a.headOffice === true,
    resident: a.resident !== false,
    alpha2: str(a.alpha2),
    alpha3: str(a.alpha3),
    sectorDigit: str(a.sectorDigit),
    size: str(a.size),
    level: str(a.level),
  };
}

/** The kind's own fields, as the server expects them in `attrs` (schema.ts attrsSchemas). */
export function attrsOf(kind: DirectoryKind, v: FormValues): Record<string, unknown> {
  switch (kind) {
    case 'banks':
      return {
        bic: v.code.trim().toUpperCase(),
        bankCode: v.bankCode.trim(),
        addressRu: opt(v.addressRu),
        addressKk: opt(v.addressKk),
        headOffice: v.headOffice,
        resident: v.resident,
      };
    case 'countries':
      return { alpha2: v.alpha2.trim().toUpperCase(), alpha3: v.alpha3.trim().toUpperCase() };
    case 'kse':
      return { sectorDigit: v.sectorDigit.trim() };
    case 'krp':
      return v.size ? { size: v.size } : {};
    case 'oked':
      return v.level ? { level: v.level } : {};
    default:
      return {};
  }
}

const SIZES = [
  { value: 'small', labelKey: 'directories.sizes.small' },
  { value: 'medium', labelKey: 'directories.sizes.medium' },
  { value: 'large', labelKey: 'directories.sizes.large' },
] as const;
const LEVELS = [
  { value: 'section', labelKey: 'directories.levels.section' },
  { value: 'division', labelKey: 'directories.levels.division' },
  { value: 'group', labelKey: 'directories.levels.group' },
  { value: 'class', labelKey: 'directories.levels.class' },
  { value: 'subclass', labelKey: 'directories.levels.subclass' },
] as const;

const FIELDS: Path<FormValues>[] = ['code', 'parentCode', 'nameRu', 'nameKk', 'nameEn'];
// Server field names → form fields.
const ALIASES: Partial<Record<string, Path<FormValues>>> = {
  'attrs.bic': 'code',
  'attrs.bankCode': 'bankCode',
  'attrs.addressRu': 'addressRu',
  'attrs.addressKk': 'addressKk',
  'attrs.alpha2': 'alpha2',
  'attrs.alpha3': 'alpha3',
  'attrs.sectorDigit': 'sectorDigit',
  'attrs.size': 'size',
  'attrs.level': 'level',
};

/** Add or edit one entry (admin); every field error the server finds is shown on its field. */
export function DirectoryEntryForm(props: {
  kind: DirectoryKind;
  entry: DirectoryEntry | null;
  /** A new entry starts under the level the administrator is looking at. */
  defaultParent?: string;
  onSaved: (entry: DirectoryEntry) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { kind, entry } = props;
  const save = useSaveDirectoryEntry(kind);
  const [alert, setAlert] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<FormValues>({
    defaultValues: initialValues(entry, props.defaultParent),
  });
  const err = (name: keyof FormValues) => formState.errors[name]?.message;
  const required = { required: t('validation.required') };

  const onSubmit = handleSubmit(async (v) => {
    setAlert(null);
    const body: EntryBody = {
      parentCode: opt(v.parentCode) ?? null,
      nameRu: v.nameRu.trim(),
      nameKk: v.nameKk.trim(),
      nameEn: opt(v.nameEn) ?? null,
      attrs: attrsOf(kind, v),
      active: v.active,
    };
    const code = kind === 'banks' ? v.code.trim().toUpperCase() : v.code.trim();
    try {
      props.onSaved(await save.mutateAsync({ code, body, isNew: !entry }));
    } catch (error) {
      const placed = applyServerFieldErrors(
        error,
        setError,
        [...FIELDS, ...Object.values(ALIASES)] as Path<FormValues>[],
        ALIASES,
      );
      if (!placed.placed || placed.unplaced.length)
        setAlert([errorText(t, error), ...placed.unplaced].join(' '));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput
          label={kind === 'banks' ? t('directories.form.bic') : t('directories.form.code')}
          disabled={!!entry}
          withAsterisk
          error={err('code')}
          {...register('code', required)}
        />
        {(kind === 'kato' || kind === 'oked' || kind === 'kfs' || kind === 'kopf') && (
          <TextInput
            label={t('directories.form.parentCode')}
            error={err('parentCode')}
            {...register('parentCode')}
          />
        )}
        <TextInput
          label={t('directories.form.nameRu')}
          withAsterisk
          error={err('nameRu')}
          {...register('nameRu', required)}
        />
        <TextInput
          label={t('directories.form.nameKk')}
          withAsterisk
          error={err('nameKk')}
          {...register('nameKk', required)}
        />
        <TextInput label={t('directories.form.nameEn')} error={err('nameEn')} {...register('nameEn')} />
        {kind === 'banks' && (
          <>
            <TextInput
              label={t('directories.form.bankCode')}
              withAsterisk
              error={err('bankCode')}
              {...register('bankCode', required)}
            />
            <TextInput
              label={t('directories.form.addressRu')}
              error={err('addressRu')}
              {...register('addressRu')}
            />
            <TextInput
              label={t('directories.form.addressKk')}
              error={err('addressKk')}
              {...register('addressKk')}
            />
            <Checkbox label={t('directories.form.headOffice')} {...register('headOffice')} />
            <Checkbox label={t('directories.form.resident')} {...register('resident')} />
          </>
        )}
        {kind === 'countries' && (
          <Group grow>
            <TextInput
              label={t('directories.form.alpha2')}
              withAsterisk
              error={err('alpha2')}
              {...register('alpha2', required)}
            />
            <TextInput
              label={t('directories.form.alpha3')}
              withAsterisk
              error={err('alpha3')}
              {...register('alpha3', required)}
            />
          </Group>
        )}
        {kind === 'kse' && (
          <TextInput
            label={t('directories.form.sectorDigit')}
            withAsterisk
            error={err('sectorDigit')}
            {...register('sectorDigit', required)}
          />
        )}
        {kind === 'krp' && (
          <Controller
            control={control}
            name="size"
            render={({ field }) => (
              <Select
                label={t('directories.form.size')}
                clearable
                data={SIZES.map((s) => ({ value: s.value, label: t(s.labelKey) }))}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={err('size')}
              />
            )}
          />
        )}
        {kind === 'oked' && (
          <Controller
            control={control}
            name="level"
            render={({ field }) => (
              <Select
                label={t('directories.form.level')}
                clearable
                data={LEVELS.map((s) => ({ value: s.value, label: t(s.labelKey) }))}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={err('level')}
              />
            )}
          />
        )}
        <Checkbox label={t('directories.form.active')} {...register('active')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('directories.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('directories.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
