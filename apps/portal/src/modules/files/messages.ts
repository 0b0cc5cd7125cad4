// File upload messages (spread into the server catalogs in server/i18n/messages.ts).

export const filesMessagesRu = {
  file_too_large: 'Размер файла превышает допустимый ({{limit}})',
  file_type_not_allowed: 'Недопустимый тип файла. Разрешены: {{allowed}}',
  file_missing: 'Выберите файл для загрузки',
  image_too_large: 'Изображение слишком большое (более {{megapixels}} млн пикселей)',
  file_not_multipart: 'Файл нужно отправить как multipart/form-data',
};

export const filesMessagesKk = {
  file_too_large: 'Файл көлемі рұқсат етілген шамадан асады ({{limit}})',
  file_type_not_allowed: 'Файл түріне рұқсат жоқ. Рұқсат етілгендер: {{allowed}}',
  file_missing: 'Жүктеу үшін файлды таңдаңыз',
  image_too_large: 'Сурет тым үлкен ({{megapixels}} млн пиксельден артық)',
  file_not_multipart: 'Файлды multipart/form-data ретінде жіберу қажет',
};

export const filesMessagesEn = {
  file_too_large: 'The file is larger than allowed ({{limit}})',
  file_type_not_allowed: 'This file type is not allowed. Allowed: {{allowed}}',
  file_missing: 'Choose a file to upload',
  image_too_large: 'The image is too large (over {{megapixels}} million pixels)',
  file_not_multipart: 'Send the file as multipart/form-data',
};
