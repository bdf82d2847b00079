// Numbers, money and dates as Vietnamese documents and registers write them.

/** "2022-09-05" → "05/09/2022". */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Whole đồng as digits, "1234567" → "1.234.567" (exact: the digits stay a string). */
export function formatMoneyVi(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1234.5 → "1.234,5" (one decimal at most); null → "—". */
export function formatNumberVi(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  const [int, dec] = Math.abs(rounded)
    .toFixed(rounded % 1 === 0 ? 0 : 1)
    .split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${rounded < 0 ? '-' : ''}${grouped}${dec ? `,${dec}` : ''}`;
}

export const percentVi = (value: number | null) => (value === null ? '—' : `${formatNumberVi(value)}%`);
