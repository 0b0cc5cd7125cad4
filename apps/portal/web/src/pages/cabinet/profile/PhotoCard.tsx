import { Alert, Box, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../error-text';
import { deletePhoto, PROFILE_ROUTES, type ProfileData, profileKeys, uploadPhoto } from './profile-api';

/** 2 MB, as the server checks (docs/profile.md); the browser refuses bigger files before sending them. */
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** «Загрузить фото» / «Удалить фото» (seed 001): JPEG or PNG up to 2 MB, re-encoded by the server. */
export function PhotoCard({ hasPhoto }: { hasPhoto: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // A new URL after each change, so the browser does not show a cached old photo.
  const [version, setVersion] = useState(() => Date.now());
  const [tooBig, setTooBig] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: profileKeys.profile });
  const upload = useMutation({
    mutationFn: uploadPhoto,
    onSuccess: () => {
      setVersion(Date.now());
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: deletePhoto,
    onSuccess: () => {
      // Hide the image at once: asking for a deleted photo would only get a 404.
      queryClient.setQueryData<ProfileData>(profileKeys.profile, (old) => old && { ...old, hasPhoto: false });
      refresh();
    },
  });
  const error = upload.error ?? remove.error;
  return (
    <Group align="flex-start" gap="md">
      <Box
        w={150}
        h={200}
        bd="1px solid gray.3"
        style={{ display: 'grid', placeItems: 'center', overflow: 'hidden' }}
      >
        {hasPhoto ? (
          <Image
            src={`${PROFILE_ROUTES.photo}?v=${version}`}
            alt={t('personal.photo.alt')}
            w={150}
            h={200}
            fit="cover"
          />
        ) : (
          <Text size="sm" c="gray.7">
            {t('personal.photo.none')}
          </Text>
        )}
      </Box>
      <Stack gap="xs">
        <FileButton
          accept="image/jpeg,image/png"
          onChange={(file) => {
            setTooBig(false);
            if (!file) return;
            if (file.size > MAX_PHOTO_BYTES) setTooBig(true);
            else upload.mutate(file);
          }}
        >
          {(props) => (
            <Button {...props} size="xs" variant="light" loading={upload.isPending}>
              {t('personal.photo.upload')}
            </Button>
          )}
        </FileButton>
        {hasPhoto && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => remove.mutate()}
            loading={remove.isPending}
          >
            {t('personal.photo.delete')}
          </Button>
        )}
        <Text size="xs" c="gray.7">
          {t('personal.photo.hint')}
        </Text>
        {tooBig && (
          <Alert color="red" role="alert">
            {t('personal.photo.tooBig')}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {errorText(t, error)}
          </Alert>
        )}
      </Stack>
    </Group>
  );
}
