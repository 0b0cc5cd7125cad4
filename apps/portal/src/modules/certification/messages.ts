// Certification messages: API error codes (spread into the server catalogs in server/i18n/messages.ts) and the
// status names used in the applicant's e-mails.
import type { Action, ApplicationStatus } from './state-machine';

export const certificationMessagesRu = {
  certification_transition_not_allowed:
    'Действие «{{actionRu}}» недоступно для заявки в статусе «{{statusRu}}»',
  certification_stale_act:
    'Заявка изменилась после подготовки действия (статус «{{statusRu}}»). Обновите страницу и подпишите заново',
  certification_not_editable: 'Заявку в статусе «{{statusRu}}» нельзя изменить',
  certification_outside_scope: 'Действие вне области аккредитации органа по сертификации ({{standard}})',
  certification_not_a_body: 'Организация не аккредитована как орган по подтверждению соответствия',
  certification_already_signed: 'Этот подписант уже подписал заявку',
  certification_no_signatory_block: 'Нет свободного блока подписанта: добавьте блок («+ Добавить блок»)',
  certification_attestat_exists: 'Аттестат с таким номером уже зарегистрирован',
  certification_no_surveillance_due: 'Все инспекционные аудиты по сертификату уже проведены',
  certification_pdf_already_signed: 'PDF сертификата уже подписан',
  certification_capacity_self_not_head:
    'Подать заявку «За себя» может только руководитель организации (полномочие «Руководитель») или сам ИП',
  certification_capacity_no_right:
    'Подать заявку от имени организации может руководитель или администратор организации',
};

export const certificationMessagesKk = {
  certification_transition_not_allowed:
    '«{{actionKk}}» әрекеті «{{statusKk}}» мәртебесіндегі өтінім үшін қолжетімсіз',
  certification_stale_act:
    'Әрекет дайындалғаннан кейін өтінім өзгерді («{{statusKk}}» мәртебесі). Бетті жаңартып, қайта қол қойыңыз',
  certification_not_editable: '«{{statusKk}}» мәртебесіндегі өтінімді өзгертуге болмайды',
  certification_outside_scope: 'Әрекет сәйкестікті растау органының аккредиттеу саласынан тыс ({{standard}})',
  certification_not_a_body: 'Ұйым сәйкестікті растау органы ретінде аккредиттелмеген',
  certification_already_signed: 'Бұл қол қоюшы өтінімге қол қойып қойған',
  certification_no_signatory_block: 'Қол қоюшының бос блогы жоқ: блок қосыңыз («+ Блок қосу»)',
  certification_attestat_exists: 'Мұндай нөмірлі аттестат тіркелген',
  certification_no_surveillance_due: 'Сертификат бойынша барлық инспекциялық аудиттер өткізілген',
  certification_pdf_already_signed: 'Сертификаттың PDF-іне қол қойылған',
  certification_capacity_self_not_head:
    '«Өз атынан» өтінімді тек ұйым басшысы («Басшы» өкілеттігі) немесе ЖК-нің өзі бере алады',
  certification_capacity_no_right: 'Ұйым атынан өтінімді ұйым басшысы немесе әкімшісі бере алады',
};

export const certificationMessagesEn = {
  certification_transition_not_allowed:
    'The action “{{actionEn}}” is not available for an application in status “{{statusEn}}”',
  certification_stale_act:
    'The application changed after the action was prepared (status “{{statusEn}}”). Reload and sign again',
  certification_not_editable: 'An application in status “{{statusEn}}” cannot be changed',
  certification_outside_scope:
    "The action is outside the certification body's accreditation scope ({{standard}})",
  certification_not_a_body: 'The organisation is not accredited as a certification body',
  certification_already_signed: 'This signatory has already signed the application',
  certification_no_signatory_block: 'No free signatory block: add one (“+ Add block”)',
  certification_attestat_exists: 'An attestat with this number is already registered',
  certification_no_surveillance_due: 'Every surveillance audit of the certificate has been done',
  certification_pdf_already_signed: 'The certificate PDF is already signed',
  certification_capacity_self_not_head:
    'Only the head of the organisation (the “Head” right) or the entrepreneur themself can apply “On my own behalf”',
  certification_capacity_no_right:
    "Only the organisation's head or administrator can apply on behalf of the organisation",
};

const STATUS_LABELS: Record<'ru' | 'kk' | 'en', Record<ApplicationStatus, string>> = {
  ru: {
    draft: 'Черновик',
    signing: 'На подписании',
    submitted: 'Подана',
    registered: 'Зарегистрирована',
    returned: 'Возвращена на доработку',
    refused: 'Отказано',
    accepted: 'Принята к рассмотрению',
    contract_concluded: 'Договор заключен',
    audit_planned: 'Документы проанализированы, аудит запланирован',
    stage1_done: 'Проведен аудит 1 этапа',
    stage2_done: 'Проведен аудит 2 этапа',
    decision_positive: 'Положительное решение',
    decision_negative: 'Отрицательное решение',
    certificate_active: 'Сертификат выдан',
    certificate_suspended: 'Сертификат приостановлен',
    certificate_withdrawn: 'Сертификат отозван',
  },
  kk: {
    draft: 'Жоба',
    signing: 'Қол қоюда',
    submitted: 'Берілді',
    registered: 'Тіркелді',
    returned: 'Пысықтауға қайтарылды',
    refused: 'Бас тартылды',
    accepted: 'Қарауға қабылданды',
    contract_concluded: 'Шарт жасалды',
    audit_planned: 'Құжаттар талданды, аудит жоспарланды',
    stage1_done: '1-кезең аудиті өткізілді',
    stage2_done: '2-кезең аудиті өткізілді',
    decision_positive: 'Оң шешім',
    decision_negative: 'Теріс шешім',
    certificate_active: 'Сертификат берілді',
    certificate_suspended: 'Сертификат тоқтатылды',
    certificate_withdrawn: 'Сертификат кері қайтарылды',
  },
  en: {
    draft: 'Draft',
    signing: 'Being signed',
    submitted: 'Submitted',
    registered: 'Registered',
    returned: 'Returned for revision',
    refused: 'Refused',
    accepted: 'Accepted',
    contract_concluded: 'Contract concluded',
    audit_planned: 'Documents analysed, audit planned',
    stage1_done: 'Stage 1 audit done',
    stage2_done: 'Stage 2 audit done',
    decision_positive: 'Positive decision',
    decision_negative: 'Negative decision',
    certificate_active: 'Certificate issued',
    certificate_suspended: 'Certificate suspended',
    certificate_withdrawn: 'Certificate withdrawn',
  },
};

export const statusLabel = (lang: 'ru' | 'kk' | 'en', status: ApplicationStatus) =>
  STATUS_LABELS[lang][status];

const ACTION_LABELS: Record<'ru' | 'kk' | 'en', Record<Action | 'certificate', string>> = {
  ru: {
    create: 'Создать',
    submit: 'Подать заявку',
    unlock: 'Вернуть в черновик',
    sign: 'Подписать',
    complete_signing: 'Завершить подписание',
    register: 'Зарегистрировать',
    accept: 'Принять',
    return: 'Вернуть на доработку',
    refuse: 'Отказать',
    conclude_contract: 'Заключить договор',
    plan_audit: 'Запланировать аудит',
    stage1: 'Аудит 1 этапа',
    stage2: 'Аудит 2 этапа',
    decide: 'Принять решение',
    issue_certificate: 'Выдать сертификат',
    surveillance: 'Инспекционный аудит',
    suspend: 'Приостановить',
    resume: 'Возобновить',
    withdraw: 'Отозвать',
    recertify: 'Ресертификация',
    certificate: 'Сертификат',
  },
  kk: {
    create: 'Құру',
    submit: 'Өтінім беру',
    unlock: 'Жобаға қайтару',
    sign: 'Қол қою',
    complete_signing: 'Қол қоюды аяқтау',
    register: 'Тіркеу',
    accept: 'Қабылдау',
    return: 'Пысықтауға қайтару',
    refuse: 'Бас тарту',
    conclude_contract: 'Шарт жасасу',
    plan_audit: 'Аудитті жоспарлау',
    stage1: '1-кезең аудиті',
    stage2: '2-кезең аудиті',
    decide: 'Шешім қабылдау',
    issue_certificate: 'Сертификат беру',
    surveillance: 'Инспекциялық аудит',
    suspend: 'Тоқтата тұру',
    resume: 'Қайта бастау',
    withdraw: 'Кері қайтарып алу',
    recertify: 'Қайта сертификаттау',
    certificate: 'Сертификат',
  },
  en: {
    create: 'Create',
    submit: 'Submit',
    unlock: 'Back to draft',
    sign: 'Sign',
    complete_signing: 'Complete signing',
    register: 'Register',
    accept: 'Accept',
    return: 'Return for revision',
    refuse: 'Refuse',
    conclude_contract: 'Conclude the contract',
    plan_audit: 'Plan the audit',
    stage1: 'Stage 1 audit',
    stage2: 'Stage 2 audit',
    decide: 'Decide',
    issue_certificate: 'Issue the certificate',
    surveillance: 'Surveillance audit',
    suspend: 'Suspend',
    resume: 'Resume',
    withdraw: 'Withdraw',
    recertify: 'Recertify',
    certificate: 'Certificate',
  },
};

/** Error params naming a status (and an action) in each language: the catalogs pick {{statusRu}}, {{statusKk}}… */
export function labelParams(status: string, action?: string): Record<string, string> {
  const params: Record<string, string> = { status };
  for (const lang of ['ru', 'kk', 'en'] as const) {
    const suffix = lang === 'ru' ? 'Ru' : lang === 'kk' ? 'Kk' : 'En';
    params[`status${suffix}`] = STATUS_LABELS[lang][status as ApplicationStatus] ?? status;
    if (action) params[`action${suffix}`] = ACTION_LABELS[lang][action as Action] ?? action;
  }
  if (action) params.action = action;
  return params;
}

/** The applicant's e-mail on a status change, in the applicant's language (the one «Подать заявку» was sent in). */
export function applicantEmail(
  lang: 'ru' | 'kk' | 'en',
  number: string,
  status: ApplicationStatus,
  link: string,
  comment?: string,
): { subject: string; text: string } {
  const label = statusLabel(lang, status);
  const line = {
    ru: `Заявка ${number} на сертификацию системы менеджмента: статус «${label}».`,
    kk: `Менеджмент жүйесін сертификаттауға арналған ${number} өтінімі: мәртебесі «${label}».`,
    en: `Management system certification application ${number}: status “${label}”.`,
  }[lang];
  const text = [line, ...(comment ? ['', comment] : []), '', link].join('\n');
  return { subject: `tereze: ${number} — ${label}`, text };
}

/** The body's e-mail on a new application: its readers' language is not known, so ru, kk and en. */
export function bodyEmail(
  app: { number: string; standard: string | null; applicantName: string; applicantBin: string },
  link: string,
): { subject: string; text: string } {
  const { number, applicantName: name, applicantBin: bin } = app;
  return {
    subject: `tereze: ${number} — новая заявка / жаңа өтінім / new application`,
    text: [
      `Поступила заявка ${number} на сертификацию системы менеджмента (${app.standard ?? ''}) от ${name}, БИН ${bin}.`,
      `${name} (БСН ${bin}) ұйымынан ${number} өтінімі түсті.`,
      `New management system certification application ${number} (${app.standard ?? ''}) from ${name}, BIN ${bin}.`,
      '',
      link,
    ].join('\n'),
  };
}
