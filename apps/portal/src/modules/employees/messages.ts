// Employees, invitations and rights (issue 5; seeds 001 and 004); merged into the server catalogs.

export const employeeMessagesRu = {
  employee_invitation_pending: 'Приглашение на этот адрес уже отправлено и ожидает ответа',
  invitation_invalid: 'Приглашение недействительно, отозвано или уже использовано',
  invitation_expired: 'Срок действия приглашения истек. Попросите отправить новое приглашение',
  invitation_not_pending: 'Приглашение уже принято, отозвано или истекло',
  already_member: 'Пользователь уже является сотрудником организации',
  employee_individual_only: 'Сотрудником организации может быть только физическое лицо',
  employee_not_pending: 'Запрос сотрудника уже рассмотрен',
  employee_pending: 'Сотрудник еще не активирован: активируйте или отклоните запрос',
  employer_not_registered: 'Организация с указанным БИН не зарегистрирована на портале',
  block_reason_required: 'Укажите причину блокировки',
  employee_rights_required: 'Выберите хотя бы одно полномочие',
  employee_invitation_sent: 'Приглашение отправлено на {{email}}',
  employment_request_sent: 'Запрос отправлен администратору организации. Доступ откроется после активации',
  invitation_email_subject: 'Приглашение в организацию «{{organization}}»',
  invitation_email_text:
    'Здравствуйте! {{inviter}} приглашает Вас работать на портале от имени организации «{{organization}}» (БИН {{bin}}).\n\nЧтобы принять приглашение, перейдите по ссылке, зарегистрируйтесь или войдите в систему:\n\n{{link}}\n\nСсылка действительна до {{expires}} и может быть использована один раз. После принятия приглашения администратор организации активирует Вашу учетную запись.',
  employee_activated_email_subject: 'Доступ к организации «{{organization}}» открыт',
  employee_activated_email_text:
    'Уважаемый(ая) {{fullName}}! Администратор организации «{{organization}}» активировал Вашу учетную запись сотрудника. Войдите в систему и выберите организацию в личном кабинете.',
  employee_pending_email_subject: 'Сотрудник ожидает активации в организации «{{organization}}»',
  employee_pending_email_text:
    '{{fullName}} (ИИН {{iin}}) просит доступ к работе от имени организации «{{organization}}». Активируйте или отклоните запрос в разделе «Сотрудники организации»:\n\n{{link}}',
  invitation_rate_limited:
    'Организация отправила слишком много приглашений за сутки (не более {{limit}}). Повторите позже',
};

type Catalog = Record<keyof typeof employeeMessagesRu, string>;

export const employeeMessagesKk: Catalog = {
  employee_invitation_pending: 'Бұл мекенжайға шақыру бұрын жіберілген және жауап күтуде',
  invitation_invalid: 'Шақыру жарамсыз, кері қайтарылған немесе бұрын пайдаланылған',
  invitation_expired: 'Шақырудың мерзімі өтті. Жаңа шақыру жіберуді сұраңыз',
  invitation_not_pending: 'Шақыру қабылданған, кері қайтарылған немесе мерзімі өткен',
  already_member: 'Пайдаланушы ұйымның қызметкері болып табылады',
  employee_individual_only: 'Ұйымның қызметкері тек жеке тұлға бола алады',
  employee_not_pending: 'Қызметкердің сұрауы қаралып қойған',
  employee_pending: 'Қызметкер әлі белсендірілмеген: сұрауды белсендіріңіз немесе қабылдамаңыз',
  employer_not_registered: 'Көрсетілген БСН бар ұйым порталда тіркелмеген',
  block_reason_required: 'Блоктау себебін көрсетіңіз',
  employee_rights_required: 'Кемінде бір өкілеттікті таңдаңыз',
  employee_invitation_sent: 'Шақыру {{email}} мекенжайына жіберілді',
  employment_request_sent: 'Сұрау ұйым әкімшісіне жіберілді. Қолжетімділік белсендірілгеннен кейін ашылады',
  invitation_email_subject: '«{{organization}}» ұйымына шақыру',
  invitation_email_text:
    'Сәлеметсіз бе! {{inviter}} Сізді порталда «{{organization}}» ұйымының (БСН {{bin}}) атынан жұмыс істеуге шақырады.\n\nШақыруды қабылдау үшін сілтемеге өтіп, тіркеліңіз немесе жүйеге кіріңіз:\n\n{{link}}\n\nСілтеме {{expires}} дейін жарамды және бір рет қана пайдаланылады. Шақыру қабылданғаннан кейін ұйым әкімшісі Сіздің тіркелгіңізді белсендіреді.',
  employee_activated_email_subject: '«{{organization}}» ұйымына қолжетімділік ашылды',
  employee_activated_email_text:
    'Құрметті {{fullName}}! «{{organization}}» ұйымының әкімшісі Сіздің қызметкер тіркелгіңізді белсендірді. Жүйеге кіріп, жеке кабинетте ұйымды таңдаңыз.',
  employee_pending_email_subject: '«{{organization}}» ұйымында қызметкер белсендіруді күтуде',
  employee_pending_email_text:
    '{{fullName}} (ЖСН {{iin}}) «{{organization}}» ұйымының атынан жұмыс істеуге рұқсат сұрайды. Сұрауды «Ұйым қызметкерлері» бөлімінде белсендіріңіз немесе қабылдамаңыз:\n\n{{link}}',
  invitation_rate_limited:
    'Ұйым бір тәулікте тым көп шақыру жіберді (ең көбі {{limit}}). Кейінірек қайталаңыз',
};

export const employeeMessagesEn: Catalog = {
  employee_invitation_pending: 'An invitation to this address has already been sent and awaits an answer',
  invitation_invalid: 'The invitation is invalid, revoked or already used',
  invitation_expired: 'The invitation has expired. Ask for a new one',
  invitation_not_pending: 'The invitation has already been accepted, revoked or has expired',
  already_member: 'The user is already an employee of the organisation',
  employee_individual_only: 'Only an individual can be an employee of an organisation',
  employee_not_pending: "The employee's request has already been decided",
  employee_pending: 'The employee is not activated yet: activate or decline the request',
  employer_not_registered: 'No organisation with this BIN is registered on the portal',
  block_reason_required: 'Give the reason for blocking',
  employee_rights_required: 'Choose at least one right',
  employee_invitation_sent: 'The invitation has been sent to {{email}}',
  employment_request_sent:
    "The request has been sent to the organisation's administrator. Access opens once they activate you",
  invitation_email_subject: 'Invitation to join {{organization}}',
  invitation_email_text:
    "Hello! {{inviter}} invites you to work on the portal on behalf of {{organization}} (BIN {{bin}}).\n\nTo accept, follow the link and register or sign in:\n\n{{link}}\n\nThe link works until {{expires}} and only once. Once you accept, the organisation's administrator activates your account.",
  employee_activated_email_subject: 'Access to {{organization}} opened',
  employee_activated_email_text:
    'Dear {{fullName}}, the administrator of {{organization}} has activated your employee account. Sign in and choose the organisation in your cabinet.',
  employee_pending_email_subject: 'An employee awaits activation in {{organization}}',
  employee_pending_email_text:
    '{{fullName}} (IIN {{iin}}) asks for access to work on behalf of {{organization}}. Activate or decline the request under «Employees of the organisation»:\n\n{{link}}',
  invitation_rate_limited:
    'The organisation has sent too many invitations in 24 hours (at most {{limit}}). Try again later',
};
