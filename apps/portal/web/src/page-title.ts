import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title (announced by screen readers on navigation) in the current language. */
export function usePageTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const portal = t('app.name');
  useEffect(() => {
    document.title = page ? t('app.pageTitle', { page, portal }) : portal;
  }, [page, portal, t]);
}
