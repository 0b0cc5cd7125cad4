import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { z } from 'zod';
import { PageLoader } from '../../../components/PageLoader';
import { errorText } from '../../../error-text';
import { applyServerFieldErrors } from '../../../form-errors';
import { usePageTitle } from '../../../page-title';
import { formatKzPhone, isKzMobile, toE164 } from '../../../phone';
import { queryKeys } from '../../../queries';
import { formatDate } from './format';
import { fetchProfile, type ProfileData, profileKeys, updateProfile } from './profile-api';

/** The same rules as the server (and registration): email required, a KZ mobile, an optional phone. */
function editSchema(t: TFunction) {
  return z.object({
    email: z
      .string()
      .trim()
      .min(1, t('validation.required'))
      .pipe(z.email(t('validation.email'))),
    mobilePhone: z.string().refine(isKzMobile, t('register.mobileFormat')),
    workPhone: z.string().refine((v) => !v.trim() || toE164(v) !== null, t('register.phoneFormat')),
  });
}
type EditValues = z.infer<ReturnType<typeof editSchema>>;
const FIELDS = ['email', 'mobilePhone', 'workPhone'] as const;

/** «Редактировать данные пользователя» (seed 001): «← Вернуться» and «Сохранить». */
export function ProfileEditPage() {
  const { t } = useTranslation();
  usePageTitle(t('personal.edit.title'));
  const profile = useQuery({ queryKey: profileKeys.profile, queryFn: fetchProfile });
  if (profile.isPending) return <PageLoader />;
  if (profile.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(t, profile.error)}
      </Alert>
    );
  return <EditForm data={profile.data} />;
}

function EditForm({ data }: { data: ProfileData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<EditValues>({
    resolver: zodResolver(editSchema(t)),
    defaultValues: {
      email: data.email ?? '',
      mobilePhone: formatKzPhone(data.mobilePhone ?? ''),
      workPhone: formatKzPhone(data.workPhone ?? ''),
    },
  });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (values: EditValues) =>
      updateProfile({ email: values.email, mobilePhone: values.mobilePhone, workPhone: values.workPhone }),
    onSuccess: (updated) => {
      queryClient.setQueryData(profileKeys.profile, updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      navigate('/cabinet/profile', { state: { saved: true } });
    },
    onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS),
  });
  const readOnly = [
    { label: t('personal.registration.iin'), value: data.iin },
    { label: t('personal.registration.surname'), value: data.surname },
    { label: t('personal.registration.firstName'), value: data.firstName },
    { label: t('personal.registration.patronymic'), value: data.patronymic },
    { label: t('personal.registration.birthDate'), value: formatDate(data.birthDate) },
  ];
  const phone = (name: 'mobilePhone' | 'workPhone', label: string, required: boolean) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <TextInput
          label={label}
          placeholder={name === 'mobilePhone' ? '+7 (7__) ___-__-__' : '+7 (___) ___-__-__'}
          type="tel"
          inputMode="tel"
          required={required}
          error={errors[name]?.message}
          name={field.name}
          ref={field.ref}
          onBlur={field.onBlur}
          value={field.value}
          onChange={(event) => field.onChange(formatKzPhone(event.currentTarget.value))}
        />
      )}
    />
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="profile-edit-title">
      <Title order={3} size="h4" id="profile-edit-title" mb="sm">
        {t('personal.edit.title')}
      </Title>
      <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Stack gap="sm" maw={640}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {readOnly.map((row) => (
              <TextInput
                key={row.label}
                label={row.label}
                value={row.value ?? ''}
                readOnly
                variant="filled"
              />
            ))}
          </SimpleGrid>
          <TextInput
            label={t('personal.edit.email')}
            description={t('personal.edit.emailHint')}
            type="email"
            autoComplete="email"
            required
            error={errors.email?.message}
            {...form.register('email')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {phone('workPhone', t('personal.edit.workPhone'), false)}
            {phone('mobilePhone', t('personal.edit.mobilePhone'), true)}
          </SimpleGrid>
          {save.isError && (
            <Alert color="red" role="alert">
              {errorText(t, save.error)}
            </Alert>
          )}
          <Group>
            <Button component={Link} to="/cabinet/profile" variant="default">
              {t('personal.edit.back')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('personal.edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
