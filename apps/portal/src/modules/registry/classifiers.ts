import type { Classified } from './adapter';

// Names for the classifier codes the stand-in's legal entities carry. КСЕ and КРП codes follow
// ../shared/NCA.md; ОКЭД codes are real ОКЭД classes; КОПФ and КФС codes are the stand-in's own
// illustrative values — the directories module holds the official classifiers, and a real ГБД ЮЛ
// integration returns its own codes and names.

type Table = Record<string, { nameRu: string; nameKk: string }>;

export const KOPF: Table = {
  '1122': {
    nameRu: 'Товарищество с ограниченной ответственностью',
    nameKk: 'Жауапкершілігі шектеулі серіктестік',
  },
  '1140': { nameRu: 'Акционерное общество', nameKk: 'Акционерлік қоғам' },
  '1210': { nameRu: 'Государственное учреждение', nameKk: 'Мемлекеттік мекеме' },
  '1400': { nameRu: 'Филиал', nameKk: 'Филиал' },
  '2110': { nameRu: 'Индивидуальный предприниматель', nameKk: 'Жеке кәсіпкер' },
};

export const KFS: Table = {
  '11': { nameRu: 'Государственная собственность', nameKk: 'Мемлекеттік меншік' },
  '16': { nameRu: 'Частная собственность', nameKk: 'Жеке меншік' },
};

export const KSE: Table = {
  '1': { nameRu: 'Центральное правительство', nameKk: 'Орталық үкімет' },
  '7': {
    nameRu: 'Негосударственные нефинансовые организации',
    nameKk: 'Мемлекеттік емес қаржылық емес ұйымдар',
  },
  '9': { nameRu: 'Домашние хозяйства', nameKk: 'Үй шаруашылықтары' },
};

export const KRP: Table = {
  '105': { nameRu: 'Малые предприятия (<= 5)', nameKk: 'Шағын кәсіпорындар (<= 5)' },
  '110': { nameRu: 'Малые предприятия (6-10)', nameKk: 'Шағын кәсіпорындар (6-10)' },
  '120': { nameRu: 'Малые предприятия (16-20)', nameKk: 'Шағын кәсіпорындар (16-20)' },
  '160': { nameRu: 'Малые предприятия (51-100)', nameKk: 'Шағын кәсіпорындар (51-100)' },
  '215': { nameRu: 'Средние предприятия (101-150)', nameKk: 'Орта кәсіпорындар (101-150)' },
  '305': { nameRu: 'Крупные предприятия (251-500)', nameKk: 'Ірі кәсіпорындар (251-500)' },
};

export const OKED: Table = {
  '71200': { nameRu: 'Технические испытания и анализ', nameKk: 'Техникалық сынақтар мен талдау' },
  '62010': {
    nameRu: 'Деятельность в области компьютерного программирования',
    nameKk: 'Компьютерлік бағдарламалау саласындағы қызмет',
  },
  '46900': { nameRu: 'Неспециализированная оптовая торговля', nameKk: 'Мамандандырылмаған көтерме сауда' },
  '41201': { nameRu: 'Строительство жилых зданий', nameKk: 'Тұрғын үй ғимараттарын салу' },
  '70220': {
    nameRu: 'Консультирование по вопросам коммерческой деятельности и управления',
    nameKk: 'Коммерциялық қызмет және басқару мәселелері бойынша консультация беру',
  },
  '84110': {
    nameRu: 'Деятельность органов государственного управления общего характера',
    nameKk: 'Жалпы сипаттағы мемлекеттік басқару органдарының қызметі',
  },
  '49410': {
    nameRu: 'Деятельность грузового автомобильного транспорта',
    nameKk: 'Жүк автомобиль көлігінің қызметі',
  },
  '47190': {
    nameRu: 'Прочая розничная торговля в неспециализированных магазинах',
    nameKk: 'Мамандандырылмаған дүкендердегі өзге де бөлшек сауда',
  },
};

export function classified(table: Table, code: string): Classified {
  const entry = table[code];
  return { code, nameRu: entry?.nameRu ?? code, nameKk: entry?.nameKk ?? code };
}
