// Bank accounts and new-bank registration requests (issue 5, seed 001 «Добавление банковских реквизитов»,
// «Создание заявки на регистрацию нового банка»); merged into the server catalogs. ru texts are the seed's own
// where it gives them.

export const bankingMessagesRu = {
  bank_accounts_empty: 'Нет данных о банковских реквизитах.',
  // account number (field `number`)
  account_number_required: 'Укажите номер счета',
  account_number_too_long: 'Номер счета — до 34 символов',
  account_number_chars: 'Номер счета может содержать только латинские буквы и цифры',
  iban_format:
    'Номер счета не соответствует формату IBAN. Для счета старого формата отметьте «Признак счета старого формата»',
  iban_kz_length: 'IBAN Казахстана состоит из 20 символов',
  iban_checksum: 'Неверный номер счета: не сходятся контрольные цифры IBAN',
  bank_unknown: 'Выберите банк из справочника банков',
  account_type_unknown: 'Выберите тип счета из справочника',
  iban_bank_mismatch: 'Номер счета не соответствует выбранному банку: код банка в IBAN (символы 5–7) другой',
  kbe_unknown: 'КБе не определен: заполните КСЕ в атрибутах участника',
  bank_account_duplicate: 'Счет с таким номером уже добавлен',
  bank_account_not_manual: 'Удаление и изменение реквизитов доступно только для введенных вручную счетов',
  bank_account_default_required:
    'Один из счетов должен быть счетом «По-умолчанию»: назначьте по умолчанию другой счет',
  bank_account_closed_before_opened: 'Дата закрытия не может быть раньше даты открытия',
  // new-bank registration requests
  bank_request_sent: 'Данные успешно отправлены администратору',
  bic_invalid: 'БИК — 8 или 11 символов: 4 латинские буквы банка, 2 буквы страны, 2 символа города',
  bank_code_invalid: 'Банковский код — 3 цифры (как в IBAN: символы 5–7)',
  bank_bic_exists: 'Банк с таким БИК уже зарегистрирован в справочнике банков',
  bank_request_pending_bic: 'Заявка на регистрацию банка с таким БИК уже находится на утверждении',
  bank_request_decided: 'Заявка уже рассмотрена',
  bank_request_reason_required: 'Укажите причину отклонения',
  bank_request_status_pending: 'На утверждении',
  bank_request_status_approved: 'Утверждено',
  bank_request_status_rejected: 'Отклонено',
  bank_request_approved_subject: 'Заявка на регистрацию банка утверждена',
  bank_request_approved_text:
    'Здравствуйте! Ваша заявка на регистрацию банка «{{bankName}}» (БИК {{bic}}) утверждена. Банк добавлен в справочник банков: теперь его можно выбрать при добавлении счета.',
  bank_request_rejected_subject: 'Заявка на регистрацию банка отклонена',
  bank_request_rejected_text:
    'Здравствуйте! Ваша заявка на регистрацию банка «{{bankName}}» (БИК {{bic}}) отклонена.\n\nПричина: {{reason}}',
};

type Catalog = Record<keyof typeof bankingMessagesRu, string>;

export const bankingMessagesKk: Catalog = {
  bank_accounts_empty: 'Банктік реквизиттер туралы деректер жоқ.',
  account_number_required: 'Шот нөмірін көрсетіңіз',
  account_number_too_long: 'Шот нөмірі — 34 таңбаға дейін',
  account_number_chars: 'Шот нөмірі тек латын әріптері мен цифрлардан тұруы мүмкін',
  iban_format:
    'Шот нөмірі IBAN форматына сәйкес келмейді. Ескі форматтағы шот үшін «Ескі форматтағы шоттың белгісі» белгісін қойыңыз',
  iban_kz_length: 'Қазақстандық IBAN 20 таңбадан тұрады',
  iban_checksum: 'Шот нөмірі қате: IBAN бақылау цифрлары сәйкес келмейді',
  bank_unknown: 'Банктер анықтамалығынан банкті таңдаңыз',
  account_type_unknown: 'Анықтамалықтан шот түрін таңдаңыз',
  iban_bank_mismatch: 'Шот нөмірі таңдалған банкке сәйкес келмейді: IBAN-дағы банк коды (5–7 таңбалар) басқа',
  kbe_unknown: 'КБе анықталмады: қатысушы атрибуттарында ҚСЭ толтырыңыз',
  bank_account_duplicate: 'Мұндай нөмірлі шот бұрын қосылған',
  bank_account_not_manual: 'Реквизиттерді жою және өзгерту тек қолмен енгізілген шоттар үшін қолжетімді',
  bank_account_default_required:
    'Шоттардың бірі «Әдепкі бойынша» шот болуы керек: әдепкі бойынша басқа шотты тағайындаңыз',
  bank_account_closed_before_opened: 'Жабылу күні ашылу күнінен ерте болмауы керек',
  bank_request_sent: 'Деректер әкімшіге сәтті жіберілді',
  bic_invalid: 'БСК — 8 немесе 11 таңба: банктің 4 латын әрпі, елдің 2 әрпі, қаланың 2 таңбасы',
  bank_code_invalid: 'Банк коды — 3 цифр (IBAN-дағыдай: 5–7 таңбалар)',
  bank_bic_exists: 'Мұндай БСК бар банк банктер анықтамалығында бұрын тіркелген',
  bank_request_pending_bic: 'Мұндай БСК бар банкті тіркеу өтінімі мақұлдауда',
  bank_request_decided: 'Өтінім бұрын қаралған',
  bank_request_reason_required: 'Қабылдамау себебін көрсетіңіз',
  bank_request_status_pending: 'Мақұлдауда',
  bank_request_status_approved: 'Мақұлданды',
  bank_request_status_rejected: 'Қабылданбады',
  bank_request_approved_subject: 'Банкті тіркеу өтінімі мақұлданды',
  bank_request_approved_text:
    'Сәлеметсіз бе! «{{bankName}}» банкін (БСК {{bic}}) тіркеу өтініміңіз мақұлданды. Банк банктер анықтамалығына қосылды: енді оны шот қосу кезінде таңдауға болады.',
  bank_request_rejected_subject: 'Банкті тіркеу өтінімі қабылданбады',
  bank_request_rejected_text:
    'Сәлеметсіз бе! «{{bankName}}» банкін (БСК {{bic}}) тіркеу өтініміңіз қабылданбады.\n\nСебебі: {{reason}}',
};

export const bankingMessagesEn: Catalog = {
  bank_accounts_empty: 'No bank details.',
  account_number_required: 'Enter the account number',
  account_number_too_long: 'The account number is at most 34 characters',
  account_number_chars: 'The account number may contain only Latin letters and digits',
  iban_format: 'The account number is not an IBAN. For an old-format account tick «Old-format account»',
  iban_kz_length: 'A Kazakhstan IBAN has 20 characters',
  iban_checksum: 'Wrong account number: the IBAN check digits do not match',
  bank_unknown: 'Choose a bank from the bank directory',
  account_type_unknown: 'Choose an account type from the directory',
  iban_bank_mismatch:
    'The account number does not belong to the chosen bank: the bank code in the IBAN (characters 5–7) differs',
  kbe_unknown:
    'The beneficiary code (KBe) is unknown: fill in the sector (КСЕ) in the participant attributes',
  bank_account_duplicate: 'An account with this number has already been added',
  bank_account_not_manual: 'Only manually entered accounts can be deleted or have their details changed',
  bank_account_default_required: 'One account must be the default: make another account the default first',
  bank_account_closed_before_opened: 'The closing date cannot be before the opening date',
  bank_request_sent: 'The data have been sent to the administrator',
  bic_invalid: 'A BIC has 8 or 11 characters: 4 bank letters, 2 country letters, 2 location characters',
  bank_code_invalid: 'The bank code is 3 digits (as in an IBAN: characters 5–7)',
  bank_bic_exists: 'A bank with this BIC is already in the bank directory',
  bank_request_pending_bic: 'A registration request for a bank with this BIC is already awaiting approval',
  bank_request_decided: 'The request has already been decided',
  bank_request_reason_required: 'Give the reason for the rejection',
  bank_request_status_pending: 'Awaiting approval',
  bank_request_status_approved: 'Approved',
  bank_request_status_rejected: 'Rejected',
  bank_request_approved_subject: 'Bank registration request approved',
  bank_request_approved_text:
    'Hello! Your request to register the bank «{{bankName}}» (BIC {{bic}}) has been approved. The bank is now in the bank directory and can be chosen when adding an account.',
  bank_request_rejected_subject: 'Bank registration request rejected',
  bank_request_rejected_text:
    'Hello! Your request to register the bank «{{bankName}}» (BIC {{bic}}) has been rejected.\n\nReason: {{reason}}',
};
