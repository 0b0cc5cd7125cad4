// ЦОН operator registration messages (spread into the server catalogs in server/i18n/messages.ts).

export const operatorMessagesRu = {
  operator_request_invalid: 'Запрос АРМ не соответствует формату (канонический JSON)',
  operator_request_expired: 'Время запроса АРМ вне допустимого интервала',
  operator_request_replayed: 'Запрос с этим идентификатором уже обработан',
  operator_not_authorised: 'Организация или оператор не уполномочены на регистрацию пользователей',
  account_not_found_by_iin: 'Учетная запись по данному ИИН не найдена',
};

export const operatorMessagesKk = {
  operator_request_invalid: 'АЖО сұранысы форматқа сәйкес келмейді (канондық JSON)',
  operator_request_expired: 'АЖО сұранысының уақыты рұқсат етілген аралықтан тыс',
  operator_request_replayed: 'Осы идентификатормен сұраныс бұрын өңделген',
  operator_not_authorised: 'Ұйымның немесе оператордың пайдаланушыларды тіркеуге өкілеттігі жоқ',
  account_not_found_by_iin: 'Осы ЖСН бойынша тіркелгі табылмады',
};

export const operatorMessagesEn = {
  operator_request_invalid: 'The workstation request is not in the expected (canonical JSON) format',
  operator_request_expired: 'The workstation request time is outside the allowed window',
  operator_request_replayed: 'A request with this id has already been processed',
  operator_not_authorised: 'The organisation or operator is not authorised to register users',
  account_not_found_by_iin: 'No account was found for this IIN',
};
