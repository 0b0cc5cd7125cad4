import { useTranslation } from 'react-i18next';
import { InfoPage } from '../components/InfoPage';

// Placeholder: the identity issue replaces it with the registration steps.
export function RegisterPage() {
  const { t } = useTranslation();
  return <InfoPage title={t('auth.registerTitle')} text={t('auth.registerText')} />;
}
