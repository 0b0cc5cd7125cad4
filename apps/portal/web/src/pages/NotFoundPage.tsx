import { useTranslation } from 'react-i18next';
import { InfoPage } from '../components/InfoPage';

export function NotFoundPage({ headingOrder = 1 }: { headingOrder?: 1 | 2 }) {
  const { t } = useTranslation();
  return (
    <InfoPage
      title={t('notFound.title')}
      text={t('notFound.text')}
      homeLabel={t('notFound.home')}
      headingOrder={headingOrder}
    />
  );
}
