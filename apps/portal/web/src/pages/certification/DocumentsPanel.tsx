import { Alert, Anchor, Button, Group, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSRF_COOKIE } from '../../api';
import { currentLanguage, readCookie } from '../../i18n';
import { type AppDocument, uploadWithProgress } from './cert-api';
import { formatDateTime } from './labels';

/** Where a panel downloads, uploads and deletes documents; absent functions hide the controls. */
export interface DocumentsAccess {
  downloadUrl: (documentId: string) => string;
  /** POST multipart `file` + `title` here (applicant documents or the body's reports). */
  uploadUrl?: string;
  onUploaded?: (document: AppDocument) => void;
  remove?: (documentId: string) => Promise<void>;
  /** Which kinds are listed (the applicant's, the body's reports or both). */
  kinds?: AppDocument['kind'][];
}

const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** «Документы»: the list (title, file, size, SHA-256, date), upload with progress, errors of size / type. */
export function DocumentsPanel({ documents, access }: { documents: AppDocument[]; access: DocumentsAccess }) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const listed = documents.filter((d) => !access.kinds || access.kinds.includes(d.kind));

  const upload = async () => {
    if (!file || !access.uploadUrl) return;
    setError(null);
    // The server refuses too (413) with nothing stored; checking first spares a 20 MB upload.
    if (file.size > MAX_BYTES) {
      setError(t('certification.documents.tooLarge'));
      return;
    }
    const form = new FormData();
    form.append('title', title.trim() || file.name);
    form.append('file', file);
    setProgress(0);
    try {
      const answer = await uploadWithProgress<AppDocument>(
        access.uploadUrl,
        form,
        readCookie(document.cookie, CSRF_COOKIE),
        currentLanguage(),
        setProgress,
      );
      if (answer.status >= 200 && answer.status < 300) {
        access.onUploaded?.(answer.body as AppDocument);
        setTitle('');
        setFile(null);
      } else {
        const body = answer.body as { error?: { code: string; message: string } };
        setError(
          answer.status === 413
            ? t('certification.documents.tooLarge')
            : body.error?.code === 'file_type_not_allowed'
              ? t('certification.documents.badType')
              : (body.error?.message ?? t('errors.unexpected', { status: answer.status })),
        );
      }
    } catch {
      setError(t('errors.network'));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certification.documents.title')}</Table.Th>
            <Table.Th>{t('certification.documents.file')}</Table.Th>
            <Table.Th>{t('certification.documents.size')}</Table.Th>
            <Table.Th>{t('certification.documents.sha256')}</Table.Th>
            <Table.Th>{t('certification.documents.addedAt')}</Table.Th>
            {access.remove && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {listed.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="gray.7" ta="center">
                  {t('certification.documents.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {listed.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>
                <Anchor href={access.downloadUrl(d.id)} download>
                  {d.filename}
                </Anchor>
              </Table.Td>
              <Table.Td>{sizeText(d.size)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {d.sha256.slice(0, 16)}…
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(d.createdAt, i18n.language)}</Table.Td>
              {access.remove && (
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => access.remove?.(d.id)}>
                    {t('certification.documents.remove')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {access.uploadUrl && (
        <Group align="end">
          <TextInput
            label={t('certification.documents.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            w={260}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('certification.documents.file')}
            </Text>
            <input
              type="file"
              accept={ACCEPT}
              aria-label={t('certification.documents.chooseFile')}
              onChange={(e) => {
                setError(null);
                setFile(e.currentTarget.files?.[0] ?? null);
              }}
            />
          </Stack>
          <Button onClick={upload} disabled={!file} loading={progress !== null}>
            {t('certification.documents.upload')}
          </Button>
        </Group>
      )}
      {progress !== null && (
        <Progress value={Math.round(progress * 100)} aria-label={t('certification.documents.progress')} />
      )}
      {access.uploadUrl && (
        <Text size="xs" c="gray.7">
          {t('certification.documents.rules')}
        </Text>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
