// Whole đồng as strings of digits, added as BigInt: a float loses the last digits above 2^53.
// The share spent is a percentage with one decimal, rounded half up, also computed exactly.

export function addMoney(a: string, b: string): string {
  return (BigInt(a) + BigInt(b)).toString();
}

export function sumMoney(amounts: readonly string[]): string {
  return amounts.reduce((sum, amount) => sum + BigInt(amount), 0n).toString();
}

/** spent / planned as a percentage with one decimal ("87.5"); null when nothing was planned. */
export function shareSpent(spent: string, planned: string): string | null {
  const p = BigInt(planned);
  if (p === 0n) return null;
  const tenths = (BigInt(spent) * 2000n + p) / (2n * p);
  return `${tenths / 10n}.${tenths % 10n}`;
}

/** Normalises "000123" to "123"; the schema has already checked it is digits. */
export function canonicalMoney(digits: string): string {
  return BigInt(digits).toString();
}
