import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LOCALE_TAGS } from '../i18n';

/** What the page shows of a verified certificate (seed 002: ИИН, E-mail, ФИО, Срок действия). */
export interface CertificateInfo {
  iin: string | null;
  bin?: string | null;
  fullName: string | null;
  organization?: string | null;
  email?: string | null;
  validFrom: string;
  validTo: string;
  /** individual | legal_entity | individual_entrepreneur */
  subjectKind?: string;
  roles?: string[];
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(LOCALE_TAGS[currentLanguage()], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
}

/** ИИН, e-mail, ФИО and validity of the chosen certificate, as seed 002's registration and login forms. */
export function CertificateCard({ certificate }: { certificate: CertificateInfo }) {
  const { t } = useTranslation();
  const rows = [
    { label: t('certificate.iin'), value: certificate.iin ?? t('certificate.none'), name: 'iin' },
    ...(certificate.bin ? [{ label: t('certificate.bin'), value: certificate.bin, name: 'bin' }] : []),
    ...(certificate.organization
      ? [{ label: t('certificate.organization'), value: certificate.organization, name: 'organization' }]
      : []),
    { label: t('certificate.email'), value: certificate.email || t('certificate.none'), name: 'email' },
    {
      label: t('certificate.fullName'),
      value: certificate.fullName ?? t('certificate.none'),
      name: 'fullName',
    },
    {
      label: t('certificate.validity'),
      value: t('certificate.validityRange', {
        from: formatDate(certificate.validFrom),
        to: formatDate(certificate.validTo),
      }),
      name: 'validity',
    },
  ];
  return (
    <Card withBorder padding="md" aria-label={t('certificate.cardLabel')} component="section">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
        {rows.map((row) => (
          <div key={row.name} data-field={row.name} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="gray.7">
              {row.label}
            </Text>
            <Text component="dd" size="sm" fw={500} m={0}>
              {row.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}
