// One-time SMS password messages (spread into the server catalogs in server/i18n/messages.ts).

export const otpMessagesRu = {
  otp_invalid: 'Неверный или недействительный одноразовый пароль. Получите новый код',
  otp_sms:
    'Одноразовый пароль для входа на портал: {{code}}. Действует {{seconds}} с. Никому не сообщайте его',
};

export const otpMessagesKk = {
  otp_invalid: 'Бір реттік құпия сөз қате немесе жарамсыз. Жаңа код алыңыз',
  otp_sms:
    'Порталға кіруге арналған бір реттік құпия сөз: {{code}}. {{seconds}} с жарамды. Оны ешкімге айтпаңыз',
};

export const otpMessagesEn = {
  otp_invalid: 'The one-time password is wrong or no longer valid. Request a new code',
  otp_sms:
    'Your one-time password for the portal: {{code}}. Valid for {{seconds}} s. Do not share it with anyone',
};
