// The participants grid of a record: rows of ethnic group × target group (× age band), with the
// numbers of women and men typed as text. Pure functions turn it into the API's rows (one per sex
// with a count) and back, add it up, and compare it with the totals from the attendance sheet.
import type { AgeBand, ParticipantRow, RecordView, TargetGroup } from '../../../lib/record-codes';

export interface GridRow {
  key: string;
  ethnicGroupId: number;
  ethnicName: string;
  targetGroup: TargetGroup;
  ageBand: AgeBand;
  female: string;
  male: string;
}

export interface ParticipantsState {
  mode: 'breakdown' | 'totals_only';
  rows: GridRow[];
  withAge: boolean;
  /** From the attendance sheet, to check the grid against; '' when not given. */
  enteredTotal: string;
  enteredFemale: string;
}

export const emptyParticipants = (): ParticipantsState => ({
  mode: 'breakdown',
  rows: [],
  withAge: false,
  enteredTotal: '',
  enteredFemale: '',
});

/** '' → 0; the inputs accept digits only. */
export const count = (text: string): number => (/^\d+$/.test(text) ? Number(text) : 0);

export function gridTotals(rows: readonly GridRow[]): { female: number; male: number; total: number } {
  const female = rows.reduce((sum, r) => sum + count(r.female), 0);
  const male = rows.reduce((sum, r) => sum + count(r.male), 0);
  return { female, male, total: female + male };
}

export type ParticipantsProblem =
  | { kind: 'totalMismatch'; grid: number; entered: number }
  | { kind: 'femaleMismatch'; grid: number; entered: number }
  | { kind: 'totalRequired' }
  | { kind: 'femaleOverTotal'; female: number; total: number };

/** What is wrong before sending, or null: the server checks the same and names the field. */
export function participantsProblem(state: ParticipantsState): ParticipantsProblem | null {
  if (state.mode === 'totals_only') {
    if (state.enteredTotal === '') return { kind: 'totalRequired' };
    const total = count(state.enteredTotal);
    const female = count(state.enteredFemale);
    return state.enteredFemale !== '' && female > total ? { kind: 'femaleOverTotal', female, total } : null;
  }
  const grid = gridTotals(state.rows);
  if (state.enteredTotal !== '' && count(state.enteredTotal) !== grid.total)
    return { kind: 'totalMismatch', grid: grid.total, entered: count(state.enteredTotal) };
  if (state.enteredFemale !== '' && count(state.enteredFemale) !== grid.female)
    return { kind: 'femaleMismatch', grid: grid.female, entered: count(state.enteredFemale) };
  return null;
}

export interface ParticipantsInput {
  mode: 'breakdown' | 'totals_only';
  totalParticipants?: number | null;
  femaleParticipants?: number | null;
  rows?: ParticipantRow[];
}

/** The API body. Two grid rows for the same group are added together; empty cells are left out. */
export function participantsInput(state: ParticipantsState): ParticipantsInput {
  const entered = (text: string) => (text === '' ? null : count(text));
  if (state.mode === 'totals_only') {
    return {
      mode: 'totals_only',
      totalParticipants: entered(state.enteredTotal),
      femaleParticipants: entered(state.enteredFemale),
    };
  }
  const merged = new Map<string, ParticipantRow>();
  for (const row of state.rows) {
    const ageBand = state.withAge ? row.ageBand : 'unknown';
    for (const sex of ['female', 'male'] as const) {
      const n = count(row[sex]);
      if (n === 0) continue;
      const key = `${sex}|${row.ethnicGroupId}|${row.targetGroup}|${ageBand}`;
      const existing = merged.get(key);
      if (existing) existing.count += n;
      else merged.set(key, { sex, ethnicGroupId: row.ethnicGroupId, targetGroup: row.targetGroup, ageBand, count: n });
    }
  }
  return {
    mode: 'breakdown',
    totalParticipants: entered(state.enteredTotal),
    femaleParticipants: entered(state.enteredFemale),
    rows: [...merged.values()],
  };
}

let nextKey = 0;
export const newRowKey = () => `row-${++nextKey}`;

/** A saved record's participants, back in grid form. */
export function participantsFromView(
  view: RecordView['participants'],
  ethnicName: (id: number) => string,
): ParticipantsState {
  if (view.mode === 'totals_only') {
    return {
      ...emptyParticipants(),
      mode: 'totals_only',
      enteredTotal: String(view.totalParticipants),
      enteredFemale: view.femaleParticipants === null ? '' : String(view.femaleParticipants),
    };
  }
  const rows = new Map<string, GridRow>();
  for (const r of view.rows) {
    const key = `${r.ethnicGroupId}|${r.targetGroup}|${r.ageBand}`;
    const row = rows.get(key) ?? {
      key: newRowKey(),
      ethnicGroupId: r.ethnicGroupId,
      ethnicName: ethnicName(r.ethnicGroupId),
      targetGroup: r.targetGroup,
      ageBand: r.ageBand,
      female: '',
      male: '',
    };
    row[r.sex] = String(count(row[r.sex]) + r.count);
    rows.set(key, row);
  }
  return {
    ...emptyParticipants(),
    rows: [...rows.values()],
    withAge: view.rows.some((r) => r.ageBand !== 'unknown'),
  };
}
