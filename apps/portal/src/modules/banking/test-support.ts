import type { TestApp } from '../../test/app';
import { ibanCheckDigits } from './iban';

/** Directory entries the banking tests use, added through the directories service when absent. */
export const TEST_DIRECTORY = {
  bank: { code: 'TSTBKZKA', bankCode: '998' },
  otherBank: { code: 'OTHRKZKA', bankCode: '997' },
  accountType: 'test_current',
  /** КСЕ codes whose sector digits are 7 and 1. */
  kse7: '777007',
  kse1: '777001',
  country: '398',
  kato: '710000000',
} as const;

export async function installBankingDirectories(t: Pick<TestApp, 'ctx'>, adminAccountId: string) {
  const actor = { accountId: adminAccountId, lang: 'ru' as const };
  const d = t.ctx.directories;
  const ensure = async (kind: string, entry: Parameters<typeof d.upsert>[1]) => {
    if (!(await d.get(kind, entry.code))) await d.upsert(kind, entry, actor);
  };
  for (const bank of [TEST_DIRECTORY.bank, TEST_DIRECTORY.otherBank])
    await ensure('banks', {
      code: bank.code,
      nameRu: `Тестовый банк ${bank.bankCode}`,
      nameKk: `Тест банкі ${bank.bankCode}`,
      attrs: {
        bic: bank.code,
        bankCode: bank.bankCode,
        addressRu: 'г. Астана, ул. Тестовая, 1',
        addressKk: 'Астана қ., Тест к-сі, 1',
        headOffice: true,
        resident: true,
      },
    });
  await ensure('account_types', {
    code: TEST_DIRECTORY.accountType,
    nameRu: 'Расчетный счет',
    nameKk: 'Есеп айырысу шоты',
    nameEn: 'Current account',
  });
  await ensure('kse', {
    code: TEST_DIRECTORY.kse7,
    nameRu: 'Негосударственные нефинансовые организации',
    nameKk: 'Мемлекеттік емес қаржылық емес ұйымдар',
    attrs: { sectorDigit: '7' },
  });
  await ensure('kse', {
    code: TEST_DIRECTORY.kse1,
    nameRu: 'Центральное правительство',
    nameKk: 'Орталық үкімет',
    attrs: { sectorDigit: '1' },
  });
  await ensure('countries', {
    code: TEST_DIRECTORY.country,
    nameRu: 'Казахстан',
    nameKk: 'Қазақстан',
    nameEn: 'Kazakhstan',
    attrs: { alpha2: 'KZ', alpha3: 'KAZ' },
  });
  await ensure('kato', { code: TEST_DIRECTORY.kato, nameRu: 'г. Астана', nameKk: 'Астана қ.' });
}

/** A KZ IBAN of a bank (3-digit code) with check digits computed by mod-97. */
export function kzIban(bankCode: string, account: string): string {
  const bban = bankCode + account;
  return `KZ${ibanCheckDigits('KZ', bban)}${bban}`;
}
