// Personal cabinet messages (spread into the server catalogs in server/i18n/messages.ts). Seed 001 gives the
// ru texts of «Личные данные»; kk and en are ours where the seed gives none.

export const profileMessagesRu = {
  profile_saved: 'Данные успешно сохранены',
  profile_registry_read_only:
    'Запись получена из государственной базы данных и не может быть изменена или удалена: изменять и удалять можно только реквизиты, введенные вручную',
  profile_email_in_use: 'Этот адрес электронной почты уже используется другой учетной записью',
  profile_document_type_unknown: 'Выберите вид документа из справочника',
  profile_document_number_invalid: 'Номер документа: от 1 до 20 букв и цифр',
  profile_id_card_number_invalid: 'Номер удостоверения личности состоит из 9 цифр',
  profile_passport_number_invalid: 'Номер паспорта: латинская буква и 7–8 цифр (например, N12345678)',
  profile_series_invalid: 'Серия: не более 10 букв и цифр',
  profile_date_invalid: 'Укажите дату в формате ГГГГ-ММ-ДД',
  profile_issue_date_future: 'Дата выдачи не может быть позже сегодняшней',
  profile_issue_date_before_birth: 'Дата выдачи не может быть раньше даты рождения',
  profile_expiry_before_issue: 'Срок действия должен заканчиваться позже даты выдачи',
  profile_issuer_invalid: 'Укажите орган выдачи (не более 200 символов)',
  profile_document_duplicate: 'Документ с этим видом и номером уже есть в паспортных данных',
  profile_country_unknown: 'Выберите страну из справочника',
  profile_kato_required: 'Для адреса в Казахстане укажите КАТО',
  profile_kato_invalid: 'Выберите населенный пункт из справочника КАТО',
  profile_street_invalid: 'Укажите улицу (не более 200 символов)',
  profile_house_invalid: 'Укажите № дома (не более 20 символов)',
  profile_apartment_invalid: '№ квартиры: не более 20 символов',
  profile_foreign_phone_invalid: 'Укажите номер телефона в международном формате: +, код страны и номер',
  profile_photo_required: 'Выберите файл с фотографией (JPEG или PNG)',
  profile_address_house: 'д. {{house}}',
  profile_address_apartment: 'кв. {{apartment}}',
  // «Подтвердить адрес электронной почты» (seed 001)
  email_confirm_sent:
    'На адрес {{email}} отправлено сообщение со ссылкой. Перейдите по ссылке, чтобы подтвердить адрес электронной почты',
  email_already_confirmed: 'Адрес электронной почты уже подтвержден',
  email_confirmed: 'Адрес электронной почты подтвержден',
  email_confirm_link_invalid:
    'Ссылка для подтверждения адреса электронной почты недействительна или уже использована',
  email_confirm_link_expired:
    'Срок действия ссылки истек. Запросите подтверждение адреса электронной почты повторно',
  email_confirm_subject: 'Подтверждение адреса электронной почты',
  email_confirm_text:
    'Уважаемый(ая) {{fullName}}! Для подтверждения возможности отправки сообщений на этот адрес электронной почты перейдите по ссылке: {{link}}\nСсылка действительна {{hours}} ч. Если Вы не понимаете, о чём идет речь – просто проигнорируйте данное сообщение.',
};

export const profileMessagesKk = {
  profile_saved: 'Деректер сәтті сақталды',
  profile_registry_read_only:
    'Жазба мемлекеттік дерекқордан алынған, оны өзгертуге немесе жоюға болмайды: тек қолмен енгізілген реквизиттерді өзгертуге және жоюға болады',
  profile_email_in_use: 'Бұл электрондық пошта мекенжайы басқа тіркелгіде пайдаланылады',
  profile_document_type_unknown: 'Құжат түрін анықтамалықтан таңдаңыз',
  profile_document_number_invalid: 'Құжат нөмірі: 1-ден 20-ға дейін әріп пен цифр',
  profile_id_card_number_invalid: 'Жеке куәлік нөмірі 9 цифрдан тұрады',
  profile_passport_number_invalid: 'Паспорт нөмірі: латын әрпі және 7–8 цифр (мысалы, N12345678)',
  profile_series_invalid: 'Серия: 10 әріп пен цифрдан аспауы керек',
  profile_date_invalid: 'Күнді ЖЖЖЖ-АА-КК пішімінде көрсетіңіз',
  profile_issue_date_future: 'Берілген күні бүгінгі күннен кейін болмауы керек',
  profile_issue_date_before_birth: 'Берілген күні туған күннен бұрын болмауы керек',
  profile_expiry_before_issue: 'Жарамдылық мерзімі берілген күннен кейін аяқталуы керек',
  profile_issuer_invalid: 'Берген органды көрсетіңіз (200 таңбадан аспауы керек)',
  profile_document_duplicate: 'Осы түрдегі және нөмірдегі құжат паспорттық деректерде бар',
  profile_country_unknown: 'Елді анықтамалықтан таңдаңыз',
  profile_kato_required: 'Қазақстандағы мекенжай үшін ӘАОЖ (КАТО) көрсетіңіз',
  profile_kato_invalid: 'Елді мекенді ӘАОЖ (КАТО) анықтамалығынан таңдаңыз',
  profile_street_invalid: 'Көшені көрсетіңіз (200 таңбадан аспауы керек)',
  profile_house_invalid: 'Үй нөмірін көрсетіңіз (20 таңбадан аспауы керек)',
  profile_apartment_invalid: 'Пәтер нөмірі: 20 таңбадан аспауы керек',
  profile_foreign_phone_invalid: 'Телефон нөмірін халықаралық пішімде көрсетіңіз: +, ел коды және нөмір',
  profile_photo_required: 'Фотосурет файлын таңдаңыз (JPEG немесе PNG)',
  profile_address_house: '{{house}} үй',
  profile_address_apartment: '{{apartment}} пәтер',
  email_confirm_sent:
    '{{email}} мекенжайына сілтемесі бар хабарлама жіберілді. Электрондық пошта мекенжайын растау үшін сілтемеге өтіңіз',
  email_already_confirmed: 'Электрондық пошта мекенжайы расталған',
  email_confirmed: 'Электрондық пошта мекенжайы расталды',
  email_confirm_link_invalid: 'Электрондық поштаны растау сілтемесі жарамсыз немесе бұрын пайдаланылған',
  email_confirm_link_expired: 'Сілтеменің мерзімі өтті. Электрондық пошта мекенжайын растауды қайта сұраңыз',
  email_confirm_subject: 'Электрондық пошта мекенжайын растау',
  email_confirm_text:
    'Құрметті {{fullName}}! Осы электрондық пошта мекенжайына хабарлама жіберу мүмкіндігін растау үшін сілтемеге өтіңіз: {{link}}\nСілтеме {{hours}} сағ жарамды. Егер бұл хабарламаның мәнін түсінбесеңіз — оны елемеуге болады.',
};

export const profileMessagesEn = {
  profile_saved: 'Data saved',
  profile_registry_read_only:
    'This record comes from the state database and cannot be changed or deleted: only records entered manually can',
  profile_email_in_use: 'This email address is already used by another account',
  profile_document_type_unknown: 'Choose the document type from the directory',
  profile_document_number_invalid: 'Document number: 1 to 20 letters and digits',
  profile_id_card_number_invalid: 'An identity card number has 9 digits',
  profile_passport_number_invalid: 'Passport number: a Latin letter and 7–8 digits (e.g. N12345678)',
  profile_series_invalid: 'Series: at most 10 letters and digits',
  profile_date_invalid: 'Enter the date as YYYY-MM-DD',
  profile_issue_date_future: 'The issue date cannot be later than today',
  profile_issue_date_before_birth: 'The issue date cannot be before the date of birth',
  profile_expiry_before_issue: 'The document must expire after its issue date',
  profile_issuer_invalid: 'Enter the issuing authority (at most 200 characters)',
  profile_document_duplicate: 'A document of this type and number is already in your passport data',
  profile_country_unknown: 'Choose the country from the directory',
  profile_kato_required: 'Enter the KATO code for an address in Kazakhstan',
  profile_kato_invalid: 'Choose the settlement from the KATO directory',
  profile_street_invalid: 'Enter the street (at most 200 characters)',
  profile_house_invalid: 'Enter the house number (at most 20 characters)',
  profile_apartment_invalid: 'Apartment number: at most 20 characters',
  profile_foreign_phone_invalid: 'Enter the phone number in international format: +, country code and number',
  profile_photo_required: 'Choose a photo file (JPEG or PNG)',
  profile_address_house: 'house {{house}}',
  profile_address_apartment: 'apt. {{apartment}}',
  email_confirm_sent:
    'A message with a link was sent to {{email}}. Follow the link to confirm the email address',
  email_already_confirmed: 'The email address is already confirmed',
  email_confirmed: 'The email address is confirmed',
  email_confirm_link_invalid: 'The email confirmation link is not valid or was already used',
  email_confirm_link_expired: 'The link has expired. Request the email address confirmation again',
  email_confirm_subject: 'Email address confirmation',
  email_confirm_text:
    'Dear {{fullName}}! To confirm that messages can be sent to this email address, follow the link: {{link}}\nThe link is valid for {{hours}} h. If you do not know what this is about, just ignore this message.',
};
