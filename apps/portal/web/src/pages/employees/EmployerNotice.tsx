import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { errorText } from '../../error-text';
import { findEmployer } from './employees-api';

/**
 * Registration step 2 with «Я являюсь сотрудником»: whether the organisation of the BIN is registered on the
 * portal (its administrator then receives the request), else why the request cannot be sent.
 */
export function EmployerNotice({ bin }: { bin: string }) {
  const { t } = useTranslation();
  const employer = useQuery({ queryKey: ['employer', bin], queryFn: () => findEmployer(bin), retry: false });
  if (employer.isSuccess)
    return (
      <Alert color="blue" data-testid="employer-notice">
        {t('register.employerFound', { name: employer.data.organization.name })}
      </Alert>
    );
  if (employer.isError)
    return (
      <Alert color="yellow" role="alert" data-testid="employer-notice">
        {employer.error instanceof ApiError && employer.error.status === 404
          ? t('register.employerNotRegistered')
          : errorText(t, employer.error)}
      </Alert>
    );
  return null;
}
