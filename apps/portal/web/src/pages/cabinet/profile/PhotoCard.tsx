import { useQueryClient } from '@tanstack/react-query';
import { ImageUploadCard } from '../../../components/ImageUploadCard';
import { deletePhoto, PROFILE_ROUTES, type ProfileData, profileKeys, uploadPhoto } from './profile-api';

const PHOTO_TEXTS = {
  altTextKey: 'personal.photo.alt',
  noneTextKey: 'personal.photo.none',
  uploadLabelKey: 'personal.photo.upload',
  deleteLabelKey: 'personal.photo.delete',
  hintKey: 'personal.photo.hint',
  tooBigMessageKey: 'personal.photo.tooBig',
} as const;

/** «Загрузить фото» / «Удалить фото» (seed 001): JPEG or PNG up to 2 MB, re-encoded by the server. */
export function PhotoCard({ hasPhoto }: { hasPhoto: boolean }) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: profileKeys.profile });
  return (
    <ImageUploadCard
      src={PROFILE_ROUTES.photo}
      hasImage={hasPhoto}
      width={150}
      height={200}
      fit="cover"
      texts={PHOTO_TEXTS}
      upload={uploadPhoto}
      remove={deletePhoto}
      onUploaded={refresh}
      onRemoved={() => {
        // Hide the image at once: asking for a deleted photo would only get a 404.
        queryClient.setQueryData<ProfileData>(
          profileKeys.profile,
          (old) => old && { ...old, hasPhoto: false },
        );
        refresh();
      }}
    />
  );
}
