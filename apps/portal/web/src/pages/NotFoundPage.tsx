import { useTranslation } from 'react-i18next';
import { InfoPage } from '../components/InfoPage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <InfoPage title={t('notFound.title')} text={t('notFound.text')} homeLabel={t('notFound.home')} />;
}
