// Dates as dd/mm/yyyy and numbers with Vietnamese separators (10.035), in both languages:
// the users read official documents laid out this way.

const numberFormat = new Intl.NumberFormat('vi-VN');
// Officials work on Vietnam time whatever the device says.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2022-07-18" → "18/07/2022"; a full timestamp gives its Vietnam date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = ISO_DATE.exec(value);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  return formatDateTime(value).slice(0, 10);
}

/** A timestamp as "18/07/2022 14:05" (Vietnam time). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** "18/07/2022" (or 18/7/2022, 18-07-2022) → "2022-07-18"; null when it is not a real date. */
export function parseDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in Vietnam as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
