// Password recovery texts (issue 4, seeds 000, 001, 002); merged into the server catalogs.
// ru texts are the seeds' own where they give them.

export const recoveryMessagesRu = {
  // seed 001: the answer to «Забыли пароль?» and to following the link
  recovery_link_sent:
    'На указанный адрес электронной почты отправлено письмо с инструкциями для изменения пароля',
  recovery_temporary_password_sent:
    'На указанный адрес электронной почты отправлено письмо с временным паролем и инструкциями',
  // seed 002: the answer when the document data match (and seed 000: a new password is mailed)
  recovery_new_password_sent: 'Новый пароль отправлен на Вашу электронную почту',
  recovery_password_changed: 'Пароль изменен. Войдите в систему с новым паролем',
  recovery_data_mismatch: 'Введенные данные не соответствуют данным учетной записи',
  recovery_link_invalid: 'Ссылка для восстановления пароля недействительна или уже использована',
  recovery_link_expired: 'Срок действия ссылки для восстановления пароля истек. Запросите новую ссылку',
  recovery_rate_limited: 'Слишком много попыток восстановления пароля. Повторите попытку позже',
  recovery_link_email_subject: 'Восстановление пароля',
  recovery_link_email_text:
    'Уважаемый(ая) {{fullName}}! Для Вашей учетной записи запрошено восстановление пароля. Чтобы получить временный пароль, перейдите по ссылке:\n\n{{link}}\n\nСсылка действительна {{minutes}} мин. и может быть использована один раз. Если Вы не запрашивали восстановление пароля – просто проигнорируйте данное сообщение.',
  recovery_temporary_email_subject: 'Временный пароль',
  recovery_temporary_email_text:
    'Уважаемый(ая) {{fullName}}! Ваш временный пароль: {{password}}\n\nПри следующем входе в систему его необходимо сменить.',
  recovery_new_password_email_subject: 'Новый пароль',
  recovery_new_password_email_text:
    'Уважаемый(ая) {{fullName}}! Пароль Вашей учетной записи сброшен. Ваш новый пароль: {{password}}\n\nСмену пароля можно произвести в личном кабинете.',
};

type Catalog = Record<keyof typeof recoveryMessagesRu, string>;

export const recoveryMessagesKk: Catalog = {
  recovery_link_sent:
    'Көрсетілген электрондық пошта мекенжайына құпия сөзді өзгерту нұсқаулары бар хат жіберілді',
  recovery_temporary_password_sent:
    'Көрсетілген электрондық пошта мекенжайына уақытша құпия сөз және нұсқаулар бар хат жіберілді',
  recovery_new_password_sent: 'Жаңа құпия сөз Сіздің электрондық поштаңызға жіберілді',
  recovery_password_changed: 'Құпия сөз өзгертілді. Жаңа құпия сөзбен жүйеге кіріңіз',
  recovery_data_mismatch: 'Енгізілген деректер тіркелгі деректеріне сәйкес келмейді',
  recovery_link_invalid: 'Құпия сөзді қалпына келтіру сілтемесі жарамсыз немесе бұрын пайдаланылған',
  recovery_link_expired: 'Құпия сөзді қалпына келтіру сілтемесінің мерзімі өтті. Жаңа сілтеме сұратыңыз',
  recovery_rate_limited: 'Құпия сөзді қалпына келтіру әрекеттері тым көп. Кейінірек қайталаңыз',
  recovery_link_email_subject: 'Құпия сөзді қалпына келтіру',
  recovery_link_email_text:
    'Құрметті {{fullName}}! Тіркелгіңіз үшін құпия сөзді қалпына келтіру сұралды. Уақытша құпия сөзді алу үшін сілтемеге өтіңіз:\n\n{{link}}\n\nСілтеме {{minutes}} мин. жарамды және бір рет қана пайдаланылады. Егер Сіз қалпына келтіруді сұрамаған болсаңыз — бұл хабарламаны елемеңіз.',
  recovery_temporary_email_subject: 'Уақытша құпия сөз',
  recovery_temporary_email_text:
    'Құрметті {{fullName}}! Сіздің уақытша құпия сөзіңіз: {{password}}\n\nКелесі кіру кезінде оны өзгерту қажет.',
  recovery_new_password_email_subject: 'Жаңа құпия сөз',
  recovery_new_password_email_text:
    'Құрметті {{fullName}}! Тіркелгіңіздің құпия сөзі жаңартылды. Сіздің жаңа құпия сөзіңіз: {{password}}\n\nҚұпия сөзді жеке кабинетте өзгертуге болады.',
};

export const recoveryMessagesEn: Catalog = {
  recovery_link_sent:
    'An email with instructions for changing the password has been sent to the address given',
  recovery_temporary_password_sent:
    'An email with a temporary password and instructions has been sent to the address given',
  recovery_new_password_sent: 'A new password has been sent to your email',
  recovery_password_changed: 'Your password has been changed. Sign in with the new password',
  recovery_data_mismatch: 'The data entered do not match the account',
  recovery_link_invalid: 'The password recovery link is invalid or has already been used',
  recovery_link_expired: 'The password recovery link has expired. Please request a new one',
  recovery_rate_limited: 'Too many password recovery attempts. Please try again later',
  recovery_link_email_subject: 'Password recovery',
  recovery_link_email_text:
    'Dear {{fullName}}, password recovery was requested for your account. To receive a temporary password, follow this link:\n\n{{link}}\n\nThe link works for {{minutes}} minutes and only once. If you did not request this, simply ignore this message.',
  recovery_temporary_email_subject: 'Temporary password',
  recovery_temporary_email_text:
    'Dear {{fullName}}, your temporary password is: {{password}}\n\nYou will have to change it when you next sign in.',
  recovery_new_password_email_subject: 'New password',
  recovery_new_password_email_text:
    'Dear {{fullName}}, the password of your account has been reset. Your new password is: {{password}}\n\nYou can change it in your personal cabinet.',
};
