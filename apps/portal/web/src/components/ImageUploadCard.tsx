import { Alert, Box, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../error-text';

/** 2 MB, as the server checks for photos and logos; the browser refuses bigger files before sending them. */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export type ImageCardTexts = {
  altTextKey: ParseKeys;
  noneTextKey: ParseKeys;
  uploadLabelKey: ParseKeys;
  deleteLabelKey: ParseKeys;
  hintKey: ParseKeys;
  tooBigMessageKey: ParseKeys;
};

/**
 * A framed JPEG/PNG with «Загрузить…» / «Удалить…» (seed 001: the profile photo and the participant logo).
 * `texts` holds the locale keys (whole literals, so the i18n scan can check them).
 */
export function ImageUploadCard({
  src,
  hasImage,
  canEdit = true,
  width,
  height,
  fit,
  texts,
  upload: uploadImage,
  remove: removeImage,
  onUploaded,
  onRemoved,
}: {
  /** The image address; a version is added so the browser does not show a cached old image after a change. */
  src: string;
  hasImage: boolean;
  canEdit?: boolean;
  width: number;
  height: number;
  fit: 'cover' | 'contain';
  texts: ImageCardTexts;
  upload: (file: File) => Promise<unknown>;
  remove: () => Promise<unknown>;
  onUploaded: () => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(() => Date.now());
  const [tooBig, setTooBig] = useState(false);
  const upload = useMutation({
    mutationFn: uploadImage,
    onSuccess: () => {
      setVersion(Date.now());
      onUploaded();
    },
  });
  const remove = useMutation({ mutationFn: removeImage, onSuccess: onRemoved });
  const error = upload.error ?? remove.error;
  return (
    <Group align="flex-start" gap="md">
      <Box
        w={width}
        h={height}
        bd="1px solid gray.3"
        style={{ display: 'grid', placeItems: 'center', overflow: 'hidden' }}
      >
        {hasImage ? (
          <Image src={`${src}?v=${version}`} alt={t(texts.altTextKey)} w={width} h={height} fit={fit} />
        ) : (
          <Text size="sm" c="gray.7">
            {t(texts.noneTextKey)}
          </Text>
        )}
      </Box>
      {canEdit && (
        <Stack gap="xs">
          <FileButton
            accept="image/jpeg,image/png"
            onChange={(file) => {
              setTooBig(false);
              if (!file) return;
              if (file.size > MAX_IMAGE_BYTES) setTooBig(true);
              else upload.mutate(file);
            }}
          >
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={upload.isPending}>
                {t(texts.uploadLabelKey)}
              </Button>
            )}
          </FileButton>
          {hasImage && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => remove.mutate()}
              loading={remove.isPending}
            >
              {t(texts.deleteLabelKey)}
            </Button>
          )}
          <Text size="xs" c="gray.7">
            {t(texts.hintKey)}
          </Text>
          {tooBig && (
            <Alert color="red" role="alert">
              {t(texts.tooBigMessageKey)}
            </Alert>
          )}
          {error && (
            <Alert color="red" role="alert">
              {errorText(t, error)}
            </Alert>
          )}
        </Stack>
      )}
    </Group>
  );
}
