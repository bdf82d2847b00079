// Calendar dates as the users live them: in Vietnam (UTC+7), not in UTC. Between 00:00 and 07:00
// in Hà Nội the UTC date is still yesterday, which would refuse today's date as "in the future".
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of an instant in Vietnam. */
export function vietnamDate(instant: Date): string {
  return formatter.format(instant);
}
