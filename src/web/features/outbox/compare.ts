// The fields a refused edit is shown by, mine beside the server's: what an officer recognises a
// record by, read from the queued body and from the server's record view alike.
interface Comparable {
  title?: string;
  startDate?: string;
  endDate?: string | null;
  description?: string;
  participants?: { totalParticipants?: number | null; rows?: { count: number }[] } | null;
  costs?: { amount: string }[];
}

export type CompareKey = 'title' | 'startDate' | 'endDate' | 'description' | 'participants' | 'costs';

function participants(value: Comparable): string {
  const p = value.participants;
  if (!p) return '';
  const total = p.totalParticipants ?? p.rows?.reduce((sum, row) => sum + row.count, 0);
  return total === undefined || total === null ? '' : String(total);
}

function costs(value: Comparable): string {
  const sum = (value.costs ?? []).reduce((total, c) => total + BigInt(c.amount || '0'), 0n);
  return sum.toString();
}

function read(value: Comparable, key: CompareKey): string {
  if (key === 'participants') return participants(value);
  if (key === 'costs') return costs(value);
  if (key === 'endDate') return value.endDate || value.startDate || '';
  return value[key] ?? '';
}

export function compareVersions(mine: unknown, server: unknown) {
  const keys: CompareKey[] = ['title', 'startDate', 'endDate', 'description', 'participants', 'costs'];
  return keys.map((key) => {
    const a = read(mine as Comparable, key);
    const b = read(server as Comparable, key);
    return { key, mine: a, server: b, differs: a !== b };
  });
}
