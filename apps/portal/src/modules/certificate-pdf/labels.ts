/** The certificate's printed texts in the portal's three languages. */
export type CertificateLanguage = 'ru' | 'kk' | 'en';

export const CERTIFICATE_LABELS: Record<
  CertificateLanguage,
  {
    title: string;
    subtitle: string;
    number: string;
    holder: string;
    holderBin: string;
    standard: string;
    scope: string;
    issuedAt: string;
    validUntil: string;
    body: string;
    bodyBin: string;
    attestat: string;
    qrCaption: string;
    footer: string;
    documentTitle: string;
  }
> = {
  ru: {
    title: 'СЕРТИФИКАТ СООТВЕТСТВИЯ',
    subtitle: 'системы менеджмента',
    number: '№',
    holder: 'Выдан',
    holderBin: 'БИН/ИИН',
    standard: 'Соответствует требованиям',
    scope: 'Область сертификации',
    issuedAt: 'Дата выдачи',
    validUntil: 'Действителен до',
    body: 'Орган по сертификации',
    bodyBin: 'БИН органа',
    attestat: 'Аттестат аккредитации',
    qrCaption: 'Проверить сертификат',
    footer:
      'Подлинность и действующий статус сертификата проверяются по QR-коду в реестре сертификатов портала. Электронная версия подписана ЭЦП органа по сертификации (открепленная подпись CMS).',
    documentTitle: 'Сертификат соответствия системы менеджмента № {number}',
  },
  kk: {
    title: 'СӘЙКЕСТІК СЕРТИФИКАТЫ',
    subtitle: 'менеджмент жүйесі',
    number: '№',
    holder: 'Берілді',
    holderBin: 'БСН/ЖСН',
    standard: 'Талаптарына сәйкес келеді',
    scope: 'Сертификаттау саласы',
    issuedAt: 'Берілген күні',
    validUntil: 'Жарамдылық мерзімі',
    body: 'Сертификаттау органы',
    bodyBin: 'Органның БСН',
    attestat: 'Аккредиттеу аттестаты',
    qrCaption: 'Сертификатты тексеру',
    footer:
      'Сертификаттың түпнұсқалығы мен қолданыстағы мәртебесі порталдың сертификаттар тізіліміндегі QR-код арқылы тексеріледі. Электрондық нұсқасына сертификаттау органының ЭЦҚ-сы қойылған (бөлек CMS қолтаңбасы).',
    documentTitle: 'Менеджмент жүйесінің сәйкестік сертификаты № {number}',
  },
  en: {
    title: 'CERTIFICATE OF CONFORMITY',
    subtitle: 'of the management system',
    number: 'No.',
    holder: 'Issued to',
    holderBin: 'BIN/IIN',
    standard: 'Meets the requirements of',
    scope: 'Scope of certification',
    issuedAt: 'Date of issue',
    validUntil: 'Valid until',
    body: 'Certification body',
    bodyBin: 'Body BIN',
    attestat: 'Accreditation certificate',
    qrCaption: 'Verify the certificate',
    footer:
      "The certificate's authenticity and current status are checked through the QR code in the portal's certificate registry. The electronic copy is signed with the certification body's digital signature (detached CMS).",
    documentTitle: 'Management system certificate of conformity No. {number}',
  },
};
