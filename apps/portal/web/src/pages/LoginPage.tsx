import { useTranslation } from 'react-i18next';
import { InfoPage } from '../components/InfoPage';

// Placeholder: the identity issue replaces it with the login forms (password and EDS).
export function LoginPage() {
  const { t } = useTranslation();
  return <InfoPage title={t('auth.loginTitle')} text={t('auth.loginText')} />;
}
