// Code tables of the state database of individuals (ГБД ФЛ) as seed 002 gives them. Names are the seed's
// spelling (ru); kk names are ours where the seed gives none.

export interface CodeEntry {
  code: number;
  nameRu: string;
  nameKk: string;
}

/**
 * «Жизненный статус». Seed 002 names only code 9 («умер» / «кайтыс болган»); code 0 is the stand-in's
 * value for a living person with no status mark (a real ГБД ФЛ has more codes; the adapter passes them on).
 */
export const LIFE_STATUSES: readonly CodeEntry[] = [
  { code: 0, nameRu: 'Нормальный', nameKk: 'Қалыпты' },
  { code: 9, nameRu: 'Умер', nameKk: 'Қайтыс болған' },
];

export const LIFE_STATUS_DECEASED = 9;

/** Справочник «признак исключения» (seed 002, verbatim). */
export const IIN_EXCLUSIONS: readonly CodeEntry[] = [
  { code: 1, nameRu: 'ИИН восстановлен', nameKk: 'ЖСН қалпына келтірілді' },
  {
    code: 2,
    nameRu: 'Выезд физического лица на постоянное место жительства и смена гражданства',
    nameKk: 'Жеке тұлғаның тұрақты тұруға шығуы және азаматтығын ауыстыруы',
  },
  {
    code: 3,
    nameRu: 'Закрытие физическим лицом-нерезидентом текущего счёта в банке-резиденте',
    nameKk: 'Бейрезидент жеке тұлғаның резидент банктегі ағымдағы шотын жабуы',
  },
  {
    code: 4,
    nameRu:
      'Прекращение прав физического лица-нерезидента на объекты налогообложения и объекты, связанные с налогообложением',
    nameKk:
      'Бейрезидент жеке тұлғаның салық салу объектілеріне және салық салуға байланысты объектілерге құқықтарының тоқтатылуы',
  },
  {
    code: 5,
    nameRu: 'Прекращение физическим лицом-нерезидентом предпринимательской деятельности в РК и выбытие из РК',
    nameKk: 'Бейрезидент жеке тұлғаның ҚР-дағы кәсіпкерлік қызметін тоқтатуы және ҚР-дан шығуы',
  },
  {
    code: 6,
    nameRu: 'Выезд физического лица-нерезидента из РК (условное исключение)',
    nameKk: 'Бейрезидент жеке тұлғаның ҚР-дан шығуы (шартты алып тастау)',
  },
  {
    code: 7,
    nameRu:
      'Вступление в силу решения суда о признании физического лица безвестно отсутствующим (условное исключение)',
    nameKk:
      'Жеке тұлғаны хабар-ошарсыз кетті деп тану туралы сот шешімінің заңды күшіне енуі (шартты алып тастау)',
  },
  {
    code: 8,
    nameRu: 'Вступление в силу решения суда об объявлении физического лица умершим',
    nameKk: 'Жеке тұлғаны қайтыс болды деп жариялау туралы сот шешімінің заңды күшіне енуі',
  },
  { code: 9, nameRu: 'Смерть физического лица', nameKk: 'Жеке тұлғаның қайтыс болуы' },
];

/** Справочник «Дееспособность» (seed 002, verbatim). */
export const LEGAL_CAPACITIES: readonly CodeEntry[] = [
  { code: 1, nameRu: 'ДЕЕСПОСОБНЫЙ', nameKk: 'ӘРЕКЕТКЕ ҚАБІЛЕТТІ' },
  { code: 2, nameRu: 'ОГРАНИЧЕННО ДЕЕСПОСОБНЫЙ', nameKk: 'ӘРЕКЕТ ҚАБІЛЕТТІЛІГІ ШЕКТЕЛГЕН' },
  { code: 3, nameRu: 'НЕДЕЕСПОСОБНЫЙ', nameKk: 'ӘРЕКЕТКЕ ҚАБІЛЕТСІЗ' },
  {
    code: 4,
    nameRu: 'ФИЗИЧЕСКОЕ ЛИЦО ОСУЖДЕНО ПО СТАТЬЯМ 192, 216, 217 УК',
    nameKk: 'ЖЕКЕ ТҰЛҒА ҚК-НІҢ 192, 216, 217-БАПТАРЫ БОЙЫНША СОТТАЛҒАН',
  },
  {
    code: 5,
    nameRu: 'ФИЗИЧЕСКОЕ ЛИЦО ИСКЛЮЧЕНО ИЗ СПИСКА ОСУЖДЕННЫХ ПО СТАТЬЯМ 192, 216, 217 УК',
    nameKk: 'ЖЕКЕ ТҰЛҒА ҚК-НІҢ 192, 216, 217-БАПТАРЫ БОЙЫНША СОТТАЛҒАНДАР ТІЗІМІНЕН ШЫҒАРЫЛҒАН',
  },
];

export const LEGAL_CAPACITY_CAPABLE = 1;
export const LEGAL_CAPACITY_INCAPABLE = 3;

/** The entry for a code; an unknown code (a real registry may have more) keeps the code with no name. */
export function codeEntry(table: readonly CodeEntry[], code: number): CodeEntry {
  return table.find((e) => e.code === code) ?? { code, nameRu: String(code), nameKk: String(code) };
}

/** Identity-document types the stand-in carries (ГБД ФЛ «тип документа»). */
export const DOCUMENT_TYPES = {
  id_card: { nameRu: 'Удостоверение личности гражданина РК', nameKk: 'ҚР азаматының жеке куәлігі' },
  passport: { nameRu: 'Паспорт гражданина РК', nameKk: 'ҚР азаматының паспорты' },
  residence_permit: {
    nameRu: 'Вид на жительство иностранца в РК',
    nameKk: 'Шетелдіктің ҚР-да тұруға ықтиярхаты',
  },
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;
