// Admin console (issue 5): refusals of the users and journal pages; merged into the server catalogs.

export const adminMessagesRu = {
  admin_block_self: 'Нельзя заблокировать собственную учетную запись',
  admin_block_reason_required: 'Укажите причину блокировки',
  admin_user_already_blocked: 'Пользователь уже заблокирован',
  admin_user_not_blocked: 'Пользователь не заблокирован',
  admin_own_admin_role: 'Нельзя снять роль администратора с собственной учетной записи',
  admin_filter_actor_unknown: 'Пользователь с таким ИИН, БИН или адресом электронной почты не найден',
  admin_filter_organization_unknown: 'Организация с таким БИН не найдена',
  admin_filter_period: 'Дата «по» должна быть позже даты «с»',
};

type Catalog = Record<keyof typeof adminMessagesRu, string>;

export const adminMessagesKk: Catalog = {
  admin_block_self: 'Өз есептік жазбаңызды бұғаттауға болмайды',
  admin_block_reason_required: 'Бұғаттау себебін көрсетіңіз',
  admin_user_already_blocked: 'Пайдаланушы бұғатталған',
  admin_user_not_blocked: 'Пайдаланушы бұғатталмаған',
  admin_own_admin_role: 'Өз есептік жазбаңыздан әкімші рөлін алып тастауға болмайды',
  admin_filter_actor_unknown: 'Мұндай ЖСН, БСН немесе электрондық пошта мекенжайы бар пайдаланушы табылмады',
  admin_filter_organization_unknown: 'Мұндай БСН бар ұйым табылмады',
  admin_filter_period: '«Дейін» күні «бастап» күнінен кейін болуы тиіс',
};

export const adminMessagesEn: Catalog = {
  admin_block_self: 'You cannot block your own account',
  admin_block_reason_required: 'State the reason for blocking',
  admin_user_already_blocked: 'The user is already blocked',
  admin_user_not_blocked: 'The user is not blocked',
  admin_own_admin_role: 'You cannot remove the administrator role from your own account',
  admin_filter_actor_unknown: 'No user with this IIN, BIN or email address',
  admin_filter_organization_unknown: 'No organisation with this BIN',
  admin_filter_period: 'The “to” date must be later than the “from” date',
};
