// Directories texts (issue 5, «Справочники»); merged into the server catalogs.

export const directoriesMessagesRu = {
  directory_unknown: 'Справочник «{{kind}}» не найден',
  directory_code_taken: 'Запись с кодом {{code}} уже есть в справочнике',
  directory_code_unknown: 'Значение отсутствует в справочнике',
  directory_parent_unknown: 'Родительская запись отсутствует в справочнике',
  directory_bic_mismatch: 'БИК должен совпадать с кодом записи',
};

type Catalog = Record<keyof typeof directoriesMessagesRu, string>;

export const directoriesMessagesKk: Catalog = {
  directory_unknown: '«{{kind}}» анықтамалығы табылмады',
  directory_code_taken: '{{code}} коды бар жазба анықтамалықта бұрыннан бар',
  directory_code_unknown: 'Мән анықтамалықта жоқ',
  directory_parent_unknown: 'Жоғары деңгейдегі жазба анықтамалықта жоқ',
  directory_bic_mismatch: 'БСК жазба кодымен сәйкес келуі керек',
};

export const directoriesMessagesEn: Catalog = {
  directory_unknown: 'Directory «{{kind}}» not found',
  directory_code_taken: 'An entry with code {{code}} is already in the directory',
  directory_code_unknown: 'The value is not in the directory',
  directory_parent_unknown: 'The parent entry is not in the directory',
  directory_bic_mismatch: 'The BIC must equal the entry code',
};
