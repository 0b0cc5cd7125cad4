// User-facing texts of the browser client (kk / ru / en), keyed so the portal's i18next can take them
// as a resource bundle. `{{details}}` follows i18next's interpolation syntax.
// The install hint follows the NCA user guides quoted in the seeds ("Для установки NCALayer необходимо
// ознакомиться с руководством пользователя по установке NCALayer по ссылке …").

export const NCALAYER_INSTALL_URL = 'http://pki.gov.kz/index.php/ru/ncalayer';

export type SignerMessageKey =
  | 'signer.unavailable'
  | 'signer.cancelled'
  | 'signer.failed'
  | 'signer.timeout'
  | 'signer.protocol';

export type SignerLocale = 'kk' | 'ru' | 'en';

export const signerMessages: Record<SignerLocale, Record<SignerMessageKey, string>> = {
  kk: {
    'signer.unavailable': `NCALayer іске қосылмаған. NCALayer бағдарламасын орнатып, іске қосыңыз да, бетті жаңартыңыз. Орнату үшін ${NCALAYER_INSTALL_URL} сілтемесі бойынша пайдаланушы нұсқаулығымен танысыңыз.`,
    'signer.cancelled': 'Қол қою тоқтатылды.',
    'signer.failed': 'NCALayer қате қайтарды: {{details}}',
    'signer.timeout': 'NCALayer уақытында жауап бермеді. Қайталап көріңіз.',
    'signer.protocol': 'NCALayer жауабы танылмады. NCALayer бағдарламасын жаңартыңыз.',
  },
  ru: {
    'signer.unavailable': `NCALayer не запущен. Установите и запустите NCALayer, затем обновите страницу. Для установки NCALayer ознакомьтесь с руководством пользователя по ссылке ${NCALAYER_INSTALL_URL}.`,
    'signer.cancelled': 'Подписание отменено.',
    'signer.failed': 'NCALayer вернул ошибку: {{details}}',
    'signer.timeout': 'NCALayer не ответил вовремя. Попробуйте ещё раз.',
    'signer.protocol': 'Ответ NCALayer не распознан. Обновите NCALayer.',
  },
  en: {
    'signer.unavailable': `NCALayer is not running. Install and start NCALayer, then reload the page. The installation guide is at ${NCALAYER_INSTALL_URL}.`,
    'signer.cancelled': 'Signing was cancelled.',
    'signer.failed': 'NCALayer returned an error: {{details}}',
    'signer.timeout': 'NCALayer did not answer in time. Please try again.',
    'signer.protocol': 'NCALayer sent an answer this page does not understand. Please update NCALayer.',
  },
};

/** The text for a key in a locale, with `{{details}}` filled in. */
export function signerMessage(key: SignerMessageKey, locale: SignerLocale, details = ''): string {
  return signerMessages[locale][key].replace('{{details}}', details);
}
