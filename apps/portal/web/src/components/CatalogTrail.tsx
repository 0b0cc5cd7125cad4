import { Anchor, Box, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/**
 * Услуги → Сертификация → Сервис электронной сертификации → Сертификация соответствия системы менеджмента,
 * the seeds' path to the first service. The steps link to the cabinet's services until the certification
 * module brings its own pages.
 */
export function CatalogTrail() {
  const { t } = useTranslation();
  const steps = [
    t('catalog.services'),
    t('catalog.certification'),
    t('catalog.eCertificationService'),
    t('catalog.managementSystemCertification'),
  ];
  const last = steps.length - 1;
  return (
    <Box component="nav" aria-label={t('home.catalogBreadcrumbsLabel')}>
      <Breadcrumbs
        separator="→"
        separatorMargin="xs"
        styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }}
      >
        {steps.map((label, index) =>
          index === last ? (
            <Text key={label} size="sm" fw={600} aria-current="location">
              {label}
            </Text>
          ) : (
            <Anchor key={label} component={Link} to="/cabinet/services" size="sm">
              {label}
            </Anchor>
          ),
        )}
      </Breadcrumbs>
    </Box>
  );
}
