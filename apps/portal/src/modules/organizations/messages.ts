// Organisation (participant) texts; merged into the server catalogs. ru texts follow seed 001 where it gives them.

export const organizationMessagesRu = {
  last_org_admin: 'В организации должен остаться хотя бы один активный Администратор организации',
  org_right_unknown: 'Указано неизвестное полномочие',
  org_already_registered:
    'Участник с данным БИН уже зарегистрирован. Зарегистрировать участника (БИН) можно только один раз',
  org_organizer_admin_only: 'Роль «Организатор» присваивается только администратором портала',
  org_certificate_not_organization:
    'Регистрация участника производится по сертификату пользователя, в котором указан БИН организации',
  org_certificate_not_yours: 'Сертификат выдан другому лицу: подпишите соглашение своим ключом',
  org_certificate_no_authority:
    'Подписать соглашение участника может первый руководитель или лицо с правом подписи организации',
  org_registered: 'Участник успешно зарегистрирован',
  org_saved: 'Данные успешно сохранены',
  org_head_not_eligible: 'Руководителем можно выбрать только активного сотрудника с ролью «Руководитель»',
  // field-level checks (ФЛК)
  org_field_required: 'Поле обязательно для заполнения',
  org_field_too_long: 'Слишком длинное значение (не более {{max}} символов)',
  org_field_date: 'Укажите дату в формате ГГГГ-ММ-ДД, не позднее сегодняшней',
  org_field_email: 'Укажите корректный адрес электронной почты',
  org_field_site: 'Укажите адрес веб-сайта, например https://example.kz',
  org_field_phone: 'Укажите номер телефона: цифры, пробелы, +, -, скобки (от 6 до 20 цифр)',
  org_field_iin: 'Некорректный ИИН',
  org_field_code: 'Значение отсутствует в справочнике',
  org_field_role_required: 'Выберите хотя бы одну роль участника',
  org_field_size_conflict:
    'Субъект не может быть одновременно субъектом малого и среднего предпринимательства',
  org_field_index: 'Индекс состоит из 6 цифр',
  org_field_kato: 'Код КАТО состоит из 9 цифр',
  org_agreement_required: 'Подпишите соглашение участника',
  // audit/web labels for rights (shown in lists)
  org_right_customer: 'Заказчик',
  org_right_organizer: 'Организатор',
  org_right_supplier: 'Поставщик',
  org_right_head: 'Руководитель',
  org_right_org_admin: 'Администратор организации',
  org_right_employee: 'Сотрудник',
};

export const organizationMessagesKk: Record<keyof typeof organizationMessagesRu, string> = {
  last_org_admin: 'Ұйымда кемінде бір белсенді Ұйым әкімшісі қалуы тиіс',
  org_right_unknown: 'Белгісіз өкілеттік көрсетілген',
  org_already_registered: 'Осы БСН бар қатысушы тіркелген. Қатысушыны (БСН) тек бір рет тіркеуге болады',
  org_organizer_admin_only: '«Ұйымдастырушы» рөлін тек портал әкімшісі береді',
  org_certificate_not_organization:
    'Қатысушы ұйымның БСН көрсетілген пайдаланушы сертификаты бойынша тіркеледі',
  org_certificate_not_yours: 'Сертификат басқа тұлғаға берілген: келісімге өз кілтіңізбен қол қойыңыз',
  org_certificate_no_authority:
    'Қатысушы келісіміне бірінші басшы немесе ұйымның қол қою құқығы бар тұлға қол қоя алады',
  org_registered: 'Қатысушы сәтті тіркелді',
  org_saved: 'Деректер сәтті сақталды',
  org_head_not_eligible: 'Басшы ретінде тек «Басшы» рөлі бар белсенді қызметкерді таңдауға болады',
  org_field_required: 'Өрісті толтыру міндетті',
  org_field_too_long: 'Мәні тым ұзын ({{max}} таңбадан аспауы тиіс)',
  org_field_date: 'Күнді ЖЖЖЖ-АА-КК пішімінде, бүгіннен кешіктірмей көрсетіңіз',
  org_field_email: 'Электрондық поштаның дұрыс мекенжайын көрсетіңіз',
  org_field_site: 'Веб-сайт мекенжайын көрсетіңіз, мысалы https://example.kz',
  org_field_phone:
    'Телефон нөмірін көрсетіңіз: цифрлар, бос орындар, +, -, жақшалар (6-дан 20-ға дейін цифр)',
  org_field_iin: 'ЖСН қате',
  org_field_code: 'Мән анықтамалықта жоқ',
  org_field_role_required: 'Қатысушының кемінде бір рөлін таңдаңыз',
  org_field_size_conflict: 'Субъект бір мезгілде шағын және орта кәсіпкерлік субъектісі бола алмайды',
  org_field_index: 'Индекс 6 цифрдан тұрады',
  org_field_kato: 'ӘАОЖ коды 9 цифрдан тұрады',
  org_agreement_required: 'Қатысушы келісіміне қол қойыңыз',
  org_right_customer: 'Тапсырыс беруші',
  org_right_organizer: 'Ұйымдастырушы',
  org_right_supplier: 'Өнім беруші',
  org_right_head: 'Басшы',
  org_right_org_admin: 'Ұйым әкімшісі',
  org_right_employee: 'Қызметкер',
};

export const organizationMessagesEn: Record<keyof typeof organizationMessagesRu, string> = {
  last_org_admin: 'An organisation must keep at least one active organisation administrator',
  org_right_unknown: 'Unknown right',
  org_already_registered:
    'A participant with this BIN is already registered. A participant (BIN) can be registered only once',
  org_organizer_admin_only: 'The Organizer role is granted only by a portal administrator',
  org_certificate_not_organization:
    "A participant is registered with a user certificate that carries the organisation's BIN",
  org_certificate_not_yours: 'The certificate belongs to someone else: sign the agreement with your own key',
  org_certificate_no_authority:
    "The participant agreement is signed by the organisation's first head or a person with signing rights",
  org_registered: 'The participant has been registered',
  org_saved: 'Data saved successfully',
  org_head_not_eligible: 'Only an active employee with the Head right can be chosen as head',
  org_field_required: 'This field is required',
  org_field_too_long: 'The value is too long (at most {{max}} characters)',
  org_field_date: 'Enter a date as YYYY-MM-DD, not later than today',
  org_field_email: 'Enter a valid email address',
  org_field_site: 'Enter a website address, e.g. https://example.kz',
  org_field_phone: 'Enter a phone number: digits, spaces, +, -, brackets (6 to 20 digits)',
  org_field_iin: 'Invalid IIN',
  org_field_code: 'The value is not in the directory',
  org_field_role_required: 'Choose at least one participant role',
  org_field_size_conflict: 'A business cannot be both small and medium-sized',
  org_field_index: 'A postal index has 6 digits',
  org_field_kato: 'A KATO code has 9 digits',
  org_agreement_required: 'Sign the participant agreement',
  org_right_customer: 'Customer',
  org_right_organizer: 'Organizer',
  org_right_supplier: 'Supplier',
  org_right_head: 'Head',
  org_right_org_admin: 'Organisation administrator',
  org_right_employee: 'Employee',
};
