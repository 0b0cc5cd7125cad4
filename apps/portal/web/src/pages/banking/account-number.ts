import type { TFunction } from 'i18next';
import { type AccountNumberProblem, accountNumberProblem } from '../../../../src/modules/banking/iban';

/** The server's account number rules (banking/iban.ts), phrased for the form. */
export function accountNumberMessage(t: TFunction, value: string, oldFormat: boolean): string | null {
  const problem = accountNumberProblem(value, oldFormat);
  return problem ? problemText(t, problem) : null;
}

function problemText(t: TFunction, problem: AccountNumberProblem): string {
  switch (problem) {
    case 'account_number_required':
      return t('banking.number.required');
    case 'account_number_too_long':
      return t('banking.number.tooLong');
    case 'account_number_chars':
      return t('banking.number.chars');
    case 'iban_format':
      return t('banking.number.ibanFormat');
    case 'iban_kz_length':
      return t('banking.number.kzLength');
    case 'iban_checksum':
      return t('banking.number.checksum');
  }
}
