import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  List,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../error-text';
import { currentLanguage, LOCALE_TAGS } from '../../i18n';
import { usePageTitle } from '../../page-title';

/** The answer of POST /api/v1/public/verify-signature (modules/verify-signature/schema.ts). */
interface ExplainedCheck {
  name: string;
  ok: boolean;
  title: string;
  sentence: string;
  reason?: string;
}
interface ExplainedSigner {
  valid: boolean;
  name: string | null;
  iin: string | null;
  bin: string | null;
  organization: string | null;
  email: string | null;
  certificate: { serialNumber: string; validFrom: string; validTo: string; issuer: string } | null;
  signingTime: string | null;
  verificationTime: string;
  timeSource: 'now' | 'signing-time' | 'timestamp';
  checks: ExplainedCheck[];
}
export interface SignatureVerdict {
  valid: boolean;
  verdict: string;
  failedCheck: string | null;
  data: { filename: string; size: number; sha256: string } | null;
  signers: ExplainedSigner[];
  checks: ExplainedCheck[];
}

const MAX_MB = 20;

function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(LOCALE_TAGS[currentLanguage()], { dateStyle: 'short', timeStyle: 'medium' });
}

/**
 * /verify — «Проверить подпись», open to everyone: a CMS with its data inside, or a detached CMS and the
 * signed file → the portal's verification report in plain words (issue 6, docs/verify-signature.md).
 */
export function VerifySignaturePage() {
  const { t } = useTranslation();
  usePageTitle(t('verifySignature.title'));
  const [signature, setSignature] = useState<File | null>(null);
  const [data, setData] = useState<File | null>(null);
  // NCALayer hands out the signature as PEM text: it can be pasted instead of saved to a file.
  const [pasted, setPasted] = useState('');
  const hasSignature = signature !== null || pasted.trim() !== '';
  const tooLarge = (file: File | null) => file !== null && file.size > MAX_MB * 1024 * 1024;
  const verify = useMutation({
    mutationFn: () => {
      const form = new FormData();
      if (signature) form.append('signature', signature, signature.name);
      else form.append('signature', pasted.trim());
      if (data) form.append('data', data, data.name);
      return api<SignatureVerdict>('/api/v1/public/verify-signature', { method: 'POST', body: form });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (hasSignature && !tooLarge(signature) && !tooLarge(data)) verify.mutate();
  };
  const result = verify.data;

  return (
    <Stack gap="lg" maw={860}>
      <Stack gap="xs">
        <Title order={1}>{t('verifySignature.title')}</Title>
        <Text>{t('verifySignature.intro')}</Text>
      </Stack>

      <Card
        withBorder
        padding="lg"
        component="form"
        onSubmit={onSubmit}
        aria-label={t('verifySignature.formLabel')}
      >
        <Stack gap="md">
          <FileInput
            label={t('verifySignature.signatureFile')}
            description={t('verifySignature.signatureFileHint', { mb: MAX_MB })}
            placeholder={t('verifySignature.choose')}
            value={signature}
            onChange={(file) => {
              setSignature(file);
              verify.reset();
            }}
            error={tooLarge(signature) ? t('verifySignature.tooLarge', { mb: MAX_MB }) : undefined}
            clearable
            data-field="signature"
          />
          {!signature && (
            <Textarea
              label={t('verifySignature.pasteLabel')}
              description={t('verifySignature.pasteHint')}
              value={pasted}
              onChange={(event) => {
                setPasted(event.currentTarget.value);
                verify.reset();
              }}
              autosize
              minRows={2}
              maxRows={8}
              spellCheck={false}
              styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
              data-field="pasted"
            />
          )}
          <FileInput
            label={t('verifySignature.dataFile')}
            description={t('verifySignature.dataFileHint', { mb: MAX_MB })}
            placeholder={t('verifySignature.choose')}
            value={data}
            onChange={(file) => {
              setData(file);
              verify.reset();
            }}
            error={tooLarge(data) ? t('verifySignature.tooLarge', { mb: MAX_MB }) : undefined}
            clearable
            data-field="data"
          />
          <div>
            <Button type="submit" loading={verify.isPending} disabled={!hasSignature}>
              {t('verifySignature.submit')}
            </Button>
          </div>
        </Stack>
      </Card>

      {verify.isError && (
        <Alert color="red" role="alert" title={t('verifySignature.errorTitle')}>
          {errorText(t, verify.error)}
        </Alert>
      )}

      {result && <VerificationReport result={result} />}
    </Stack>
  );
}

function VerificationReport({ result }: { result: SignatureVerdict }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" component="section" aria-labelledby="verify-result" data-valid={String(result.valid)}>
      <Alert color={result.valid ? 'green' : 'red'} variant="light" role="status">
        <Title order={2} size="h3" id="verify-result">
          {result.verdict}
        </Title>
      </Alert>
      {result.data && (
        <Text size="sm">
          {t('verifySignature.signedFile', {
            name: result.data.filename,
            size: result.data.size,
            sha256: result.data.sha256,
          })}
        </Text>
      )}
      {result.signers.map((signer, index) => (
        <SignerCard key={signer.certificate?.serialNumber ?? index} signer={signer} index={index} />
      ))}
    </Stack>
  );
}

function SignerCard({ signer, index }: { signer: ExplainedSigner; index: number }) {
  const { t } = useTranslation();
  const none = t('verifySignature.none');
  const timeSources: Record<ExplainedSigner['timeSource'], string> = {
    now: t('verifySignature.timeSourceNow'),
    'signing-time': t('verifySignature.timeSourceSigningTime'),
    timestamp: t('verifySignature.timeSourceTimestamp'),
  };
  const rows = [
    { name: 'name', label: t('verifySignature.signer'), value: signer.name ?? none },
    { name: 'iin', label: t('verifySignature.iin'), value: signer.iin ?? none },
    ...(signer.bin ? [{ name: 'bin', label: t('verifySignature.bin'), value: signer.bin }] : []),
    ...(signer.organization
      ? [{ name: 'organization', label: t('verifySignature.organization'), value: signer.organization }]
      : []),
    ...(signer.certificate
      ? [
          {
            name: 'validity',
            label: t('verifySignature.validity'),
            value: t('verifySignature.validityRange', {
              from: formatDateTime(signer.certificate.validFrom),
              to: formatDateTime(signer.certificate.validTo),
            }),
          },
          { name: 'issuer', label: t('verifySignature.issuer'), value: signer.certificate.issuer },
          { name: 'serial', label: t('verifySignature.serial'), value: signer.certificate.serialNumber },
        ]
      : []),
    {
      name: 'signingTime',
      label: t('verifySignature.signingTime'),
      value: signer.signingTime ? formatDateTime(signer.signingTime) : t('verifySignature.noSigningTime'),
    },
    {
      name: 'checkedAt',
      label: t('verifySignature.checkedAt'),
      value: `${formatDateTime(signer.verificationTime)} (${timeSources[signer.timeSource]})`,
    },
  ];
  return (
    <Card
      withBorder
      padding="lg"
      component="article"
      aria-label={t('verifySignature.signerNumber', { n: index + 1 })}
    >
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('verifySignature.signerNumber', { n: index + 1 })}{' '}
          <Badge color={signer.valid ? 'green' : 'red'} variant="light">
            {signer.valid ? t('verifySignature.signerValid') : t('verifySignature.signerInvalid')}
          </Badge>
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} verticalSpacing={4} component="dl" m={0}>
          {rows.map((row) => (
            <div key={row.name} data-field={row.name} style={{ display: 'contents' }}>
              <Text component="dt" size="sm" c="gray.7">
                {row.label}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                {row.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <Title order={4} size="h5">
          {t('verifySignature.checks')}
        </Title>
        <List spacing="xs" listStyleType="none" p={0}>
          {signer.checks.map((check) => (
            <List.Item key={check.name} data-check={check.name} data-ok={String(check.ok)}>
              <Text size="sm">
                <Text span fw={700} c={check.ok ? 'green.8' : 'red.8'} aria-hidden>
                  {check.ok ? '✓' : '✗'}{' '}
                </Text>
                <Text span fw={600}>
                  {check.title}
                </Text>
                {' — '}
                <Text span>{check.sentence}</Text>{' '}
                <Text span size="xs" c="gray.7">
                  ({check.ok ? t('verifySignature.passed') : t('verifySignature.failed')}
                  {check.reason ? `: ${check.reason}` : ''})
                </Text>
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
