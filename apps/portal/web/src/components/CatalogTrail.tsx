import { Anchor, Box, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { MANAGEMENT_SYSTEM_CERTIFICATION, trailOf, useCatalog } from '../catalog';
import type { Language } from '../i18n';

/**
 * The catalogue breadcrumbs as in seed 000 — Услуги → Сертификация → Сервис электронной сертификации →
 * Сертификация соответствия системы менеджмента — built from the catalogue data (GET /api/v1/catalog), each
 * step linking to its catalogue page. `nodeId` picks another entry; `current` marks the page as that entry
 * (its step is then text with aria-current). Until the catalogue loads, the seed's four names show unlinked.
 */
export function CatalogTrail({
  nodeId = MANAGEMENT_SYSTEM_CERTIFICATION,
  current = false,
}: {
  nodeId?: string;
  current?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const catalog = useCatalog();
  const lang = (['kk', 'ru', 'en'].includes(i18n.language) ? i18n.language : 'ru') as Language;
  const trail = catalog.data ? trailOf(catalog.data, nodeId) : [];
  const steps =
    trail.length > 0
      ? trail.map((n) => ({ key: n.id, label: n.name[lang], to: n.path as string | undefined }))
      : [
          t('catalog.services'),
          t('catalog.certification'),
          t('catalog.eCertificationService'),
          t('catalog.managementSystemCertification'),
        ].map((label) => ({ key: label, label, to: undefined as string | undefined }));
  const last = steps.length - 1;
  return (
    <Box component="nav" aria-label={t('home.catalogBreadcrumbsLabel')}>
      <Breadcrumbs
        separator="→"
        separatorMargin="xs"
        styles={{ root: { flexWrap: 'wrap', rowGap: 4 }, breadcrumb: { whiteSpace: 'normal' } }}
      >
        {steps.map((step, index) =>
          step.to && !(current && index === last) ? (
            <Anchor key={step.key} component={Link} to={step.to} size="sm">
              {step.label}
            </Anchor>
          ) : (
            <Text
              key={step.key}
              size="sm"
              fw={index === last ? 600 : undefined}
              aria-current={current && index === last ? 'page' : undefined}
            >
              {step.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </Box>
  );
}
