import { adminMessagesEn, adminMessagesKk, adminMessagesRu } from '../../modules/admin/messages';
import { bankingMessagesEn, bankingMessagesKk, bankingMessagesRu } from '../../modules/banking/messages';
import {
  certificationMessagesEn,
  certificationMessagesKk,
  certificationMessagesRu,
} from '../../modules/certification/messages';
import {
  directoriesMessagesEn,
  directoriesMessagesKk,
  directoriesMessagesRu,
} from '../../modules/directories/messages';
import { employeeMessagesEn, employeeMessagesKk, employeeMessagesRu } from '../../modules/employees/messages';
import { filesMessagesEn, filesMessagesKk, filesMessagesRu } from '../../modules/files/messages';
import { operatorMessagesEn, operatorMessagesKk, operatorMessagesRu } from '../../modules/operator/messages';
import {
  organizationMessagesEn,
  organizationMessagesKk,
  organizationMessagesRu,
} from '../../modules/organizations/messages';
import { otpMessagesEn, otpMessagesKk, otpMessagesRu } from '../../modules/otp/messages';
import { profileMessagesEn, profileMessagesKk, profileMessagesRu } from '../../modules/profile/messages';
import { recoveryMessagesEn, recoveryMessagesKk, recoveryMessagesRu } from '../../modules/recovery/messages';
import {
  verifySignatureMessagesEn,
  verifySignatureMessagesKk,
  verifySignatureMessagesRu,
} from '../../modules/verify-signature/messages';

// Server-side messages (API errors) in the three portal languages; ru is the default, as in the seeds.
export const languages = ['ru', 'kk', 'en'] as const;
export type Language = (typeof languages)[number];

type Catalog = Record<string, string>;

const ru: Catalog = {
  validation_failed: 'Проверьте правильность заполнения полей',
  invalid_json: 'Тело запроса не является корректным JSON',
  invalid_credentials: 'Ошибка авторизации: введен неверный логин или пароль',
  unauthenticated: 'Необходимо войти в систему',
  forbidden: 'Недостаточно прав для выполнения действия',
  csrf_failed: 'Сессия формы устарела: обновите страницу и повторите действие',
  not_found: 'Запрашиваемый ресурс не найден',
  payload_too_large: 'Размер запроса превышает допустимый ({{limit}})',
  unsupported_media_type: 'Неподдерживаемый формат данных запроса',
  rate_limited: 'Слишком много запросов. Повторите попытку через {{retryAfterSeconds}} с',
  already_registered: 'Пользователь уже зарегистрирован',
  login_locked:
    'Вход по логин-паролю для данного ИИН/БИН временно заблокирован. Вы можете авторизоваться на Портале по ЭЦП, ЭЦП на SIM-карте или по Одноразовому паролю',
  signature_invalid: 'Подпись не прошла проверку: {{check}}',
  method_not_allowed: 'Метод не поддерживается',
  internal_error: 'Внутренняя ошибка сервера. Повторите попытку позже',
  service_unavailable: 'Сервис временно недоступен',
  // identity (seed 001: email activation text; seed 002: wrong credentials and lock texts)
  email_not_activated:
    'Для продолжения работы Вам необходимо активировать электронную почту. Чтобы активировать электронную почту перейдите по ссылке, указанной в отправленном Вам письме.',
  account_blocked: 'Учетная запись заблокирована. Обратитесь к администратору портала',
  password_change_required: 'Необходимо сменить временный пароль',
  passwords_mismatch: 'Пароли не совпадают',
  current_password_wrong: 'Неверный текущий пароль',
  password_same_as_current: 'Новый пароль должен отличаться от текущего',
  password_policy: 'Пароль должен',
  password_rule_min_length: 'содержать не менее {{min}} символов',
  password_rule_max_length: 'содержать не более {{max}} символов',
  password_rule_digit: 'содержать цифры',
  password_rule_upper: 'содержать буквы в верхнем регистре',
  password_rule_lower: 'содержать буквы в нижнем регистре',
  password_rule_special: 'содержать специальный символ ({{chars}})',
  password_rule_forbidden_char: 'не содержать символ {{chars}}',
  password_rule_latin_only: 'содержать только латинские буквы',
  // registry (seed 002: exact texts for life status 9 and the IIN exclusion marks)
  invalid_iin: 'Некорректный ИИН',
  invalid_bin: 'Некорректный БИН',
  registry_legal_entity_not_found:
    'Организация с указанным БИН не найдена в государственной базе данных «Юридические лица»',
  registry_person_not_found:
    'Сведения по введенному ИИН не найдены в государственной базе данных «Физические лица»',
  registry_deceased:
    'Невозможно создать учетную запись по введенному ИИН. За разъяснениями необходимо обратиться в отдел документирования населения в ЦОН (код:9)',
  registry_iin_excluded:
    'Невозможно создать учетную запись по введенному ИИН. За разъяснениями необходимо обратиться в отдел документирования населения в ЦОН (код: {{code}})',
  registry_iin_exclusion_mark:
    'Невозможно создать учетную запись по введенному ИИН. За разъяснениями необходимо обратиться в отдел документирования населения в ЦОН (код: {{code}} - признак исключения ИИН)',
  registry_legally_incapable:
    'Невозможно создать учетную запись по введенному ИИН: по данным государственной базы данных «Физические лица» лицо признано недееспособным. За разъяснениями необходимо обратиться в ЦОН',
  registry_refused: '{{ru}}',
  // signatures: signing requests, signature login, certificate + password, registration, email activation
  signing_purpose_unavailable: 'Подписание для цели «{{purpose}}» недоступно',
  account_not_found:
    'Учетная запись по данному сертификату не найдена. Пройдите регистрацию: данные сертификата будут заполнены автоматически',
  wrong_password: 'Неправильный пароль',
  pending_login_invalid: 'Время подтверждения входа истекло. Выберите сертификат заново',
  registration_succeeded: 'Регистрация в системе прошла успешно',
  already_registered_iin:
    'Пользователь с данным ИИН уже зарегистрирован. Войдите в систему или восстановите пароль',
  already_registered_bin:
    'Организация с данным БИН уже зарегистрирована. Зарегистрировать юридическое лицо (БИН) можно только один раз',
  not_a_certification_body: 'Организация с данным БИН не является аккредитованным органом по сертификации',
  first_head_mismatch:
    'ИИН владельца сертификата первого руководителя не совпадает с ИИН руководителя организации по данным Государственной базы данных «Юридические лица»',
  mobile_phone_invalid: 'Укажите мобильный номер в формате +7 7XX XXX XX XX',
  phone_invalid: 'Укажите номер телефона в формате +7 XXX XXX XX XX',
  activation_link_invalid: 'Ссылка активации недействительна или уже использована',
  activation_link_expired: 'Срок действия ссылки активации истек. Запросите новую ссылку',
  email_activated: 'Электронная почта подтверждена. Войдите в систему',
  activation_resent:
    'Если учетная запись ожидает активации, на ее электронную почту отправлено письмо со ссылкой',
  activation_email_subject: 'Активация учетной записи',
  activation_email_text:
    'Уважаемый(ая) {{fullName}}! Вы зарегистрировались на веб-портале. Для того, чтобы активировать Вашу учетную запись просим перейти по следующей ссылке. Если Вы не понимаете, о чём идет речь – просто проигнорируйте данное сообщение.\n\n{{link}}\n\nСсылка действительна {{hours}} ч.',
  email_in_use_subject: 'Попытка регистрации с Вашим адресом электронной почты',
  email_in_use_text:
    'На портале была предпринята попытка зарегистрировать новую учетную запись с Вашим адресом электронной почты. Учетная запись с этим адресом уже существует: войдите в систему или восстановите пароль. Если это были не Вы – просто проигнорируйте данное сообщение.\n\n{{link}}',
  ...recoveryMessagesRu,
  ...bankingMessagesRu,
  ...adminMessagesRu,
  ...certificationMessagesRu,
  ...otpMessagesRu,
  ...profileMessagesRu,
  ...operatorMessagesRu,
  ...directoriesMessagesRu,
  ...filesMessagesRu,
  ...verifySignatureMessagesRu,
  ...organizationMessagesRu,
  ...employeeMessagesRu,
};

const kk: Catalog = {
  validation_failed: 'Өрістердің дұрыс толтырылғанын тексеріңіз',
  invalid_json: 'Сұраныс денесі дұрыс JSON емес',
  invalid_credentials: 'Авторизация қатесі: логин немесе құпия сөз қате енгізілді',
  unauthenticated: 'Жүйеге кіру қажет',
  forbidden: 'Әрекетті орындауға құқық жеткіліксіз',
  csrf_failed: 'Форма сессиясы ескірді: бетті жаңартып, әрекетті қайталаңыз',
  not_found: 'Сұралған ресурс табылмады',
  payload_too_large: 'Сұраныс көлемі рұқсат етілген шамадан асады ({{limit}})',
  unsupported_media_type: 'Сұраныс деректерінің пішімі қолдау көрсетілмейді',
  rate_limited: 'Сұраныстар тым көп. {{retryAfterSeconds}} с кейін қайталаңыз',
  already_registered: 'Пайдаланушы тіркеліп қойған',
  login_locked:
    'Осы ЖСН/БСН үшін логин-құпия сөзбен кіру уақытша бұғатталған. Порталға ЭЦҚ, SIM-картадағы ЭЦҚ немесе бір реттік құпия сөз арқылы кіре аласыз',
  signature_invalid: 'Қолтаңба тексеруден өтпеді: {{check}}',
  method_not_allowed: 'Әдіс қолдау көрсетілмейді',
  internal_error: 'Сервердің ішкі қатесі. Кейінірек қайталаңыз',
  service_unavailable: 'Қызмет уақытша қолжетімсіз',
  email_not_activated:
    'Жұмысты жалғастыру үшін электрондық поштаны белсендіру қажет. Электрондық поштаны белсендіру үшін Сізге жіберілген хаттағы сілтеме бойынша өтіңіз.',
  account_blocked: 'Тіркелгі бұғатталған. Портал әкімшісіне хабарласыңыз',
  password_change_required: 'Уақытша құпия сөзді ауыстыру қажет',
  passwords_mismatch: 'Құпия сөздер сәйкес келмейді',
  current_password_wrong: 'Ағымдағы құпия сөз қате',
  password_same_as_current: 'Жаңа құпия сөз ағымдағыдан өзгеше болуы тиіс',
  password_policy: 'Құпия сөз',
  password_rule_min_length: 'кемінде {{min}} таңбадан тұруы тиіс',
  password_rule_max_length: 'ең көбі {{max}} таңбадан тұруы тиіс',
  password_rule_digit: 'цифрларды қамтуы тиіс',
  password_rule_upper: 'бас әріптерді қамтуы тиіс',
  password_rule_lower: 'кіші әріптерді қамтуы тиіс',
  password_rule_special: 'арнайы таңбаны қамтуы тиіс ({{chars}})',
  password_rule_forbidden_char: '{{chars}} таңбасын қамтымауы тиіс',
  password_rule_latin_only: 'тек латын әріптерінен тұруы тиіс',
  invalid_iin: 'ЖСН қате',
  invalid_bin: 'БСН қате',
  registry_legal_entity_not_found:
    'Көрсетілген БСН бойынша ұйым «Заңды тұлғалар» мемлекеттік дерекқорында табылмады',
  registry_person_not_found:
    'Енгізілген ЖСН бойынша мәліметтер «Жеке тұлғалар» мемлекеттік дерекқорында табылмады',
  registry_deceased:
    'Енгізілген ЖСН бойынша тіркелгі жасау мүмкін емес. Түсініктеме алу үшін ХҚКО-дағы халықты құжаттандыру бөліміне жүгіну қажет (код:9)',
  registry_iin_excluded:
    'Енгізілген ЖСН бойынша тіркелгі жасау мүмкін емес. Түсініктеме алу үшін ХҚКО-дағы халықты құжаттандыру бөліміне жүгіну қажет (код: {{code}})',
  registry_iin_exclusion_mark:
    'Енгізілген ЖСН бойынша тіркелгі жасау мүмкін емес. Түсініктеме алу үшін ХҚКО-дағы халықты құжаттандыру бөліміне жүгіну қажет (код: {{code}} - ЖСН алып тастау белгісі)',
  registry_legally_incapable:
    'Енгізілген ЖСН бойынша тіркелгі жасау мүмкін емес: «Жеке тұлғалар» мемлекеттік дерекқорының мәліметтері бойынша тұлға әрекетке қабілетсіз деп танылған. Түсініктеме алу үшін ХҚКО-ға жүгіну қажет',
  registry_refused: '{{kk}}',
  // signatures: signing requests, signature login, certificate + password, registration, email activation
  signing_purpose_unavailable: '«{{purpose}}» мақсаты үшін қол қою қолжетімсіз',
  account_not_found:
    'Осы сертификат бойынша тіркелгі табылмады. Тіркеуден өтіңіз: сертификат деректері автоматты түрде толтырылады',
  wrong_password: 'Құпия сөз қате',
  pending_login_invalid: 'Кіруді растау уақыты өтті. Сертификатты қайта таңдаңыз',
  registration_succeeded: 'Жүйеде тіркеу сәтті өтті',
  already_registered_iin:
    'Осы ЖСН бар пайдаланушы тіркеліп қойған. Жүйеге кіріңіз немесе құпия сөзді қалпына келтіріңіз',
  already_registered_bin: 'Осы БСН бар ұйым тіркеліп қойған. Заңды тұлғаны (БСН) тек бір рет тіркеуге болады',
  not_a_certification_body: 'Осы БСН бар ұйым аккредиттелген сертификаттау органы емес',
  first_head_mismatch:
    'Бірінші басшы сертификаты иесінің ЖСН «Заңды тұлғалар» мемлекеттік деректер базасы бойынша ұйым басшысының ЖСН-імен сәйкес келмейді',
  mobile_phone_invalid: 'Ұялы нөмірді +7 7XX XXX XX XX пішімінде көрсетіңіз',
  phone_invalid: 'Телефон нөмірін +7 XXX XXX XX XX пішімінде көрсетіңіз',
  activation_link_invalid: 'Белсендіру сілтемесі жарамсыз немесе пайдаланылған',
  activation_link_expired: 'Белсендіру сілтемесінің мерзімі өтті. Жаңа сілтеме сұраңыз',
  email_activated: 'Электрондық пошта расталды. Жүйеге кіріңіз',
  activation_resent:
    'Егер тіркелгі белсендіруді күтсе, оның электрондық поштасына сілтемесі бар хат жіберілді',
  activation_email_subject: 'Тіркелгіні белсендіру',
  activation_email_text:
    'Құрметті {{fullName}}! Сіз веб-порталда тіркелдіңіз. Тіркелгіңізді белсендіру үшін төмендегі сілтемеге өтіңіз. Егер бұл хабарламаның мәнін түсінбесеңіз — оны елемеуге болады.\n\n{{link}}\n\nСілтеме {{hours}} сағат жарамды.',
  email_in_use_subject: 'Сіздің электрондық поштаңызбен тіркелу әрекеті',
  email_in_use_text:
    'Порталда Сіздің электрондық пошта мекенжайыңызбен жаңа тіркелгі тіркеу әрекеті жасалды. Бұл мекенжаймен тіркелгі бар: жүйеге кіріңіз немесе құпия сөзді қалпына келтіріңіз. Егер бұл Сіз болмасаңыз — хабарламаны елемеуге болады.\n\n{{link}}',
  ...recoveryMessagesKk,
  ...bankingMessagesKk,
  ...adminMessagesKk,
  ...certificationMessagesKk,
  ...otpMessagesKk,
  ...profileMessagesKk,
  ...operatorMessagesKk,
  ...directoriesMessagesKk,
  ...filesMessagesKk,
  ...verifySignatureMessagesKk,
  ...organizationMessagesKk,
  ...employeeMessagesKk,
};

const en: Catalog = {
  validation_failed: 'Please check the highlighted fields',
  invalid_json: 'The request body is not valid JSON',
  invalid_credentials: 'Authorisation error: wrong login or password',
  unauthenticated: 'Please sign in',
  forbidden: 'You do not have permission to do this',
  csrf_failed: 'The form has expired: reload the page and try again',
  not_found: 'The requested resource was not found',
  payload_too_large: 'The request is larger than allowed ({{limit}})',
  unsupported_media_type: 'Unsupported request content type',
  rate_limited: 'Too many requests. Try again in {{retryAfterSeconds}} s',
  already_registered: 'This user is already registered',
  login_locked:
    'Login/password sign-in for this IIN/BIN is temporarily locked. You can sign in to the Portal with an EDS, an EDS on a SIM card or a one-time password',
  signature_invalid: 'The signature failed verification: {{check}}',
  method_not_allowed: 'Method not allowed',
  internal_error: 'Internal server error. Please try again later',
  service_unavailable: 'The service is temporarily unavailable',
  email_not_activated:
    'To continue, you need to activate your email. To activate it, follow the link in the email we sent you.',
  account_blocked: 'The account is blocked. Contact the portal administrator',
  password_change_required: 'You must change your temporary password',
  passwords_mismatch: 'The passwords do not match',
  current_password_wrong: 'The current password is wrong',
  password_same_as_current: 'The new password must differ from the current one',
  password_policy: 'The password must',
  password_rule_min_length: 'be at least {{min}} characters long',
  password_rule_max_length: 'be at most {{max}} characters long',
  password_rule_digit: 'contain a digit',
  password_rule_upper: 'contain an upper-case letter',
  password_rule_lower: 'contain a lower-case letter',
  password_rule_special: 'contain a special character ({{chars}})',
  password_rule_forbidden_char: 'not contain {{chars}}',
  password_rule_latin_only: 'use Latin letters only',
  invalid_iin: 'Invalid IIN',
  invalid_bin: 'Invalid BIN',
  registry_legal_entity_not_found:
    'No organisation with this BIN was found in the state database of legal entities',
  registry_person_not_found: 'No record for the IIN entered was found in the state database of individuals',
  registry_deceased:
    'An account cannot be created for the IIN entered. For an explanation, contact the population documentation department at a Public Service Centre (code:9)',
  registry_iin_excluded:
    'An account cannot be created for the IIN entered. For an explanation, contact the population documentation department at a Public Service Centre (code: {{code}})',
  registry_iin_exclusion_mark:
    'An account cannot be created for the IIN entered. For an explanation, contact the population documentation department at a Public Service Centre (code: {{code}} - IIN exclusion mark)',
  registry_legally_incapable:
    'An account cannot be created for the IIN entered: according to the state database of individuals, the person has been declared legally incapable. For an explanation, contact a Public Service Centre',
  registry_refused: '{{en}}',
  // signatures: signing requests, signature login, certificate + password, registration, email activation
  signing_purpose_unavailable: 'Signing for the purpose "{{purpose}}" is not available',
  account_not_found:
    'No account was found for this certificate. Register: the certificate data will be filled in for you',
  wrong_password: 'Wrong password',
  pending_login_invalid: 'The sign-in confirmation has expired. Choose the certificate again',
  registration_succeeded: 'Registration completed successfully',
  already_registered_iin: 'A user with this IIN is already registered. Sign in or recover your password',
  already_registered_bin:
    'An organisation with this BIN is already registered. A legal entity (BIN) can be registered only once',
  not_a_certification_body: 'The organisation with this BIN is not an accredited certification body',
  first_head_mismatch:
    "The first head's certificate holder IIN does not match the organisation's head in the State Database «Legal Entities»",
  mobile_phone_invalid: 'Enter a mobile number as +7 7XX XXX XX XX',
  phone_invalid: 'Enter a phone number as +7 XXX XXX XX XX',
  activation_link_invalid: 'The activation link is invalid or has already been used',
  activation_link_expired: 'The activation link has expired. Request a new one',
  email_activated: 'Your email address is confirmed. Please sign in',
  activation_resent:
    'If the account is awaiting activation, an email with a link has been sent to its address',
  activation_email_subject: 'Account activation',
  activation_email_text:
    'Dear {{fullName}}! You have registered on the web portal. To activate your account, please follow the link below. If you do not know what this is about, simply ignore this message.\n\n{{link}}\n\nThe link is valid for {{hours}} hours.',
  email_in_use_subject: 'An attempt to register with your email address',
  email_in_use_text:
    'Someone tried to register a new account on the portal with your email address. An account with this address already exists: sign in or recover your password. If it was not you, simply ignore this message.\n\n{{link}}',
  ...recoveryMessagesEn,
  ...bankingMessagesEn,
  ...adminMessagesEn,
  ...certificationMessagesEn,
  ...otpMessagesEn,
  ...profileMessagesEn,
  ...operatorMessagesEn,
  ...directoriesMessagesEn,
  ...filesMessagesEn,
  ...verifySignatureMessagesEn,
  ...organizationMessagesEn,
  ...employeeMessagesEn,
};

export const catalogs: Record<Language, Catalog> = { ru, kk, en };

/** Message for a code in a language, with {{param}} placeholders filled in. */
export function translate(lang: Language, code: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[lang][code] ?? catalogs.ru[code] ?? code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** The request's language: the `lang` cookie (set by the language switch), then Accept-Language, then ru. */
export function pickLanguage(cookieLang: string | undefined, acceptLanguage: string | undefined): Language {
  if (cookieLang && (languages as readonly string[]).includes(cookieLang)) return cookieLang as Language;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase().slice(0, 2), q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'kz') return 'kk';
    if ((languages as readonly string[]).includes(tag)) return tag as Language;
  }
  return 'ru';
}

// Per-field messages for validation errors, keyed by zod issue code.
const fieldMessages: Record<Language, Catalog> = {
  ru: {
    required: 'Обязательное поле',
    too_small: 'Слишком короткое или малое значение',
    too_big: 'Слишком длинное или большое значение',
    invalid_format: 'Неверный формат',
    invalid: 'Недопустимое значение',
  },
  kk: {
    required: 'Міндетті өріс',
    too_small: 'Мән тым қысқа немесе кіші',
    too_big: 'Мән тым ұзын немесе үлкен',
    invalid_format: 'Пішімі қате',
    invalid: 'Жарамсыз мән',
  },
  en: {
    required: 'Required field',
    too_small: 'Too short or too small',
    too_big: 'Too long or too large',
    invalid_format: 'Invalid format',
    invalid: 'Invalid value',
  },
};

export function fieldMessage(lang: Language, zodCode: string, received?: unknown): string {
  const key =
    zodCode === 'invalid_type' && received === undefined
      ? 'required'
      : ['too_small', 'too_big', 'invalid_format'].includes(zodCode)
        ? zodCode
        : 'invalid';
  return fieldMessages[lang][key];
}
