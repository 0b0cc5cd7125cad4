import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CertificateView } from './cert-api';
import { certificateStatusText, formatDate, statusColor } from './labels';

export const registryPath = (number: string) =>
  `/api/v1/certification/registry/${encodeURIComponent(number)}`;
export const publicPagePath = (number: string) => `/certification/certificates/${encodeURIComponent(number)}`;

/** A certificate's data, status, surveillance plan, PDF and its detached CMS (once the body signed the PDF). */
export function CertificateCard({
  certificate,
  onSignPdf,
  signing,
}: {
  certificate: CertificateView;
  /** The body's staff: sign the PDF (detached CMS). */
  onSignPdf?: () => void;
  signing?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const c = certificate;
  const rows: [string, string][] = [
    [t('certification.certificate.holder'), `${c.holderName} (${c.holderBin})`],
    [t('certification.certificate.body'), `${c.bodyName} (${c.bodyBin})`],
    [t('certification.certificate.attestat'), c.attestatNumber ?? ''],
    [t('certification.certificate.standard'), c.standard],
    [t('certification.certificate.scope'), c.scope],
    [t('certification.certificate.issuedOn'), formatDate(c.issuedOn, i18n.language)],
    [t('certification.certificate.validUntil'), formatDate(c.validUntil, i18n.language)],
  ];
  if (c.statusReason) rows.push([t('certification.certificate.reason'), c.statusReason]);
  if (c.withdrawalDueOn)
    rows.push([t('certification.certificate.withdrawalDue'), formatDate(c.withdrawalDueOn, i18n.language)]);
  return (
    <Card withBorder data-testid="certificate-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={700}>
            {t('certification.certificate.heading')} № {c.number}
          </Text>
          <Badge color={statusColor(c.status)} style={{ textTransform: 'none' }}>
            {certificateStatusText(t, c.status)}
          </Badge>
        </Group>
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={260}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
            {c.surveillance.map((s, index) => (
              <Table.Tr key={s.due}>
                <Table.Th>{t('certification.certificate.surveillance', { n: index + 1 })}</Table.Th>
                <Table.Td>
                  {formatDate(s.due, i18n.language)}
                  {s.doneOn
                    ? ` — ${t('certification.certificate.done', { date: formatDate(s.doneOn, i18n.language) })}`
                    : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          {c.pdfAvailable && (
            <Button component="a" href={`${registryPath(c.number)}/pdf`} variant="light" size="xs">
              {t('certification.certificate.pdf')}
            </Button>
          )}
          {c.pdfSigned && (
            <Button component="a" href={`${registryPath(c.number)}/pdf.cms`} variant="light" size="xs">
              {t('certification.certificate.cms')}
            </Button>
          )}
          {onSignPdf && c.pdfAvailable && !c.pdfSigned && (
            <Button size="xs" color="green" loading={signing} onClick={onSignPdf}>
              {t('certification.certificate.signPdf')}
            </Button>
          )}
          <Anchor component={Link} to={publicPagePath(c.number)} size="sm">
            {t('certification.certificate.publicPage')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
