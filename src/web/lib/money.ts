// Amounts in đồng travel as strings of digits and are added as BigInt: a float would lose the
// last digits of large budgets. Shown with Vietnamese thousands dots: 1.234.567.

export const MAX_MONEY_DIGITS = 18;

/** What the user typed ("1.234.567 đ", "1 234 567") → "1234567"; '' when there is no digit. */
export function moneyDigits(text: string): string {
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits.slice(0, MAX_MONEY_DIGITS);
}

/** "1234567" → "1.234.567". */
export function formatMoney(digits: string): string {
  if (!/^\d+$/.test(digits)) return digits;
  return digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The exact sum of amounts given as digit strings (blank ones count as 0). */
export function sumMoney(amounts: readonly string[]): string {
  return amounts.reduce((sum, amount) => sum + (/^\d+$/.test(amount) ? BigInt(amount) : 0n), 0n).toString();
}
