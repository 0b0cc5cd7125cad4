import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api';
import { PageLoader } from '../../components/PageLoader';
import { errorText } from '../../error-text';
import { usePageTitle } from '../../page-title';
import { registryPath } from './CertificateCard';
import type { RegistryEntry } from './cert-api';
import {
  actionText,
  certificateStatusText,
  formatDate,
  formatDateTime,
  statusColor,
  statusText,
} from './labels';

/** The public page of a certificate — where the QR code of its PDF points. No login. */
export function PublicCertificatePage() {
  const { number = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(`${t('certification.certificate.heading')} ${number}`);
  const entry = useQuery({
    queryKey: ['certification', 'public', number],
    queryFn: () => api<RegistryEntry>(registryPath(number)),
    retry: false,
  });
  if (entry.isPending) return <PageLoader />;
  if (entry.isError || !entry.data) return <Alert color="red">{errorText(t, entry.error)}</Alert>;
  const c = entry.data;
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
  if (c.pdfSha256) rows.push([t('certification.certificate.pdfSha256'), c.pdfSha256]);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/registry/certificates" size="sm">
        {t('certification.registry.title')}
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>
          {t('certification.certificate.heading')} № {c.number}
        </Title>
        <Badge
          size="lg"
          color={statusColor(c.status)}
          style={{ textTransform: 'none' }}
          data-testid="certificate-status"
        >
          {certificateStatusText(t, c.status)}
        </Badge>
      </Group>
      <Table withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={260}>{label}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        {c.pdfAvailable && (
          <Button component="a" href={`${registryPath(c.number)}/pdf`} variant="light">
            {t('certification.certificate.pdf')}
          </Button>
        )}
        {c.pdfSigned && (
          <Button component="a" href={`${registryPath(c.number)}/pdf.cms`} variant="light">
            {t('certification.certificate.cms')}
          </Button>
        )}
        <Anchor component={Link} to="/verify" size="sm">
          {t('certification.certificate.verify')}
        </Anchor>
      </Group>
      <Title order={4}>{t('certification.certificate.history')}</Title>
      <Table striped withTableBorder>
        <Table.Tbody>
          {c.history.map((h) => (
            <Table.Tr key={`${h.at}-${h.action}`}>
              <Table.Td>{formatDateTime(h.at, i18n.language)}</Table.Td>
              <Table.Td>{actionText(t, h.action)}</Table.Td>
              <Table.Td>{statusText(t, h.toStatus)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {c.history.length === 0 && (
        <Text size="sm" c="gray.7">
          {t('certification.timeline.empty')}
        </Text>
      )}
    </Stack>
  );
}
