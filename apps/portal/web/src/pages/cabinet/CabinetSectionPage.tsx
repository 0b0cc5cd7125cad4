import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type CabinetSection, findCabinetSection } from '../../cabinet-sections';
import { CatalogTrail } from '../../components/CatalogTrail';
import { usePageTitle } from '../../page-title';
import { NotFoundPage } from '../NotFoundPage';

/** /cabinet/:section — a known section, or the 404 page. */
export function CabinetSectionPage() {
  const section = findCabinetSection(useParams().section);
  return section ? <SectionPlaceholder section={section} /> : <NotFoundPage headingOrder={2} />;
}

/** A section its module has not filled yet: title and a note (Услуги shows the catalogue path). */
function SectionPlaceholder({ section }: { section: CabinetSection }) {
  const { t } = useTranslation();
  const title = t(section.labelKey);
  usePageTitle(title);
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      {section.path === 'services' ? (
        <>
          <Text>{t('cabinet.services.text')}</Text>
          <CatalogTrail />
        </>
      ) : (
        <Text c="gray.7">{t('cabinet.placeholder')}</Text>
      )}
    </Stack>
  );
}
