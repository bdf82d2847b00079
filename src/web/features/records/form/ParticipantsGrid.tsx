// Participants as a compact grid: a row for each ethnic group present (and target group), the
// numbers of women and men, running totals checked against the attendance sheet's totals. Or, when
// the breakdown is not known, the totals alone.
import { formatNumber } from '../../../i18n/format';
import { AGE_BANDS, TARGET_GROUPS, type TargetGroup } from '../../../lib/record-codes';
import { EthnicGroupPicker } from '../../../components/pickers/EthnicGroupPicker';
import { useRecordsT } from '../use-records-t';
import {
  count,
  gridTotals,
  newRowKey,
  participantsProblem,
  type GridRow,
  type ParticipantsProblem,
  type ParticipantsState,
} from './participants';

interface ParticipantsGridProps {
  value: ParticipantsState;
  onChange(value: ParticipantsState): void;
  /** The server's message for a participants field. */
  error?: string;
}

const digits = (text: string) =>
  text
    .replace(/\D/g, '')
    .replace(/^0+(?=\d)/, '')
    .slice(0, 7);

export function ParticipantsGrid({ value, onChange, error }: ParticipantsGridProps) {
  const rt = useRecordsT();
  const totals = gridTotals(value.rows);
  const problem = participantsProblem(value);
  const present = new Set(value.rows.map((r) => r.ethnicGroupId));

  const setRow = (key: string, patch: Partial<GridRow>) =>
    onChange({ ...value, rows: value.rows.map((r) => (r.key === key ? { ...r, ...patch } : r)) });

  function addGroup(group: { id: number; name: string }) {
    // The same group again gets the next target group not yet used for it.
    const used = new Set(value.rows.filter((r) => r.ethnicGroupId === group.id).map((r) => r.targetGroup));
    const targetGroup: TargetGroup = TARGET_GROUPS.find((g) => !used.has(g)) ?? 'community_member';
    const row: GridRow = {
      key: newRowKey(),
      ethnicGroupId: group.id,
      ethnicName: group.name,
      targetGroup,
      ageBand: 'unknown',
      female: '',
      male: '',
    };
    onChange({ ...value, rows: [...value.rows, row] });
  }

  return (
    <fieldset className={error || problem ? 'fieldset has-error' : 'fieldset'} id="rec-participants">
      <legend>{rt('participants.legend')}</legend>
      <div className="rec-segmented" role="radiogroup" aria-label={rt('participants.mode')}>
        {(['breakdown', 'totals_only'] as const).map((mode) => (
          <label key={mode} className={value.mode === mode ? 'is-selected' : undefined}>
            <input
              type="radio"
              name="rec-participants-mode"
              checked={value.mode === mode}
              onChange={() => onChange({ ...value, mode })}
            />
            {rt(mode === 'breakdown' ? 'participants.breakdown' : 'participants.totalsOnly')}
          </label>
        ))}
      </div>

      {value.mode === 'breakdown' ? (
        <>
          {value.rows.length > 0 && (
            <div className="rec-grid-wrap">
              <table className="rec-grid">
                <thead>
                  <tr>
                    <th scope="col">{rt('participants.group')}</th>
                    <th scope="col" className="rec-n">
                      {rt('participants.female')}
                    </th>
                    <th scope="col" className="rec-n">
                      {rt('participants.male')}
                    </th>
                    <th scope="col" className="rec-n">
                      {rt('participants.sum')}
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">{rt('participants.remove')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {value.rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">
                        <span className="rec-grid-name">{row.ethnicName}</span>
                        <select
                          aria-label={rt('participants.targetOf', { name: row.ethnicName })}
                          value={row.targetGroup}
                          onChange={(event) => setRow(row.key, { targetGroup: event.target.value as TargetGroup })}
                        >
                          {TARGET_GROUPS.map((g) => (
                            <option key={g} value={g}>
                              {rt(`target.${g}`)}
                            </option>
                          ))}
                        </select>
                        {value.withAge && (
                          <select
                            aria-label={rt('participants.ageOf', { name: row.ethnicName })}
                            value={row.ageBand}
                            onChange={(event) => setRow(row.key, { ageBand: event.target.value as GridRow['ageBand'] })}
                          >
                            {AGE_BANDS.map((a) => (
                              <option key={a} value={a}>
                                {rt(`age.${a}`)}
                              </option>
                            ))}
                          </select>
                        )}
                      </th>
                      {(['female', 'male'] as const).map((sex) => (
                        <td key={sex} className="rec-n">
                          <input
                            type="text"
                            inputMode="numeric"
                            autoComplete="off"
                            aria-label={rt(sex === 'female' ? 'participants.femaleOf' : 'participants.maleOf', {
                              name: row.ethnicName,
                            })}
                            value={row[sex]}
                            onChange={(event) => setRow(row.key, { [sex]: digits(event.target.value) })}
                          />
                        </td>
                      ))}
                      <td className="rec-n rec-grid-sum">{formatNumber(count(row.female) + count(row.male))}</td>
                      <td>
                        <button
                          type="button"
                          className="rec-icon-button"
                          aria-label={rt('participants.removeRow', { name: row.ethnicName })}
                          onClick={() => onChange({ ...value, rows: value.rows.filter((r) => r.key !== row.key) })}
                        >
                          ×
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-testid="participants-totals">
                    <th scope="row">{rt('participants.gridTotal')}</th>
                    <td className="rec-n">{formatNumber(totals.female)}</td>
                    <td className="rec-n">{formatNumber(totals.male)}</td>
                    <td className="rec-n">
                      <strong>{formatNumber(totals.total)}</strong>
                    </td>
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <EthnicGroupPicker id="rec-ethnic" present={present} onPick={addGroup} />
          <label className="checkbox-inline">
            <input
              type="checkbox"
              checked={value.withAge}
              onChange={(event) => onChange({ ...value, withAge: event.target.checked })}
            />
            {rt('participants.withAge')}
          </label>
          <p className="rec-subhead">{rt('participants.checkAgainst')}</p>
        </>
      ) : (
        <p className="muted rec-small">{rt('participants.totalsOnlyHint')}</p>
      )}

      <div className="rec-two">
        <div className="field">
          <label htmlFor="rec-total">
            {rt('participants.enteredTotal')}
            {value.mode === 'totals_only' && <span className="required"> *</span>}
          </label>
          <input
            id="rec-total"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={value.enteredTotal}
            aria-invalid={problem?.kind === 'totalMismatch' || problem?.kind === 'totalRequired' || undefined}
            onChange={(event) => onChange({ ...value, enteredTotal: digits(event.target.value) })}
          />
        </div>
        <div className="field">
          <label htmlFor="rec-female">{rt('participants.enteredFemale')}</label>
          <input
            id="rec-female"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={value.enteredFemale}
            aria-invalid={problem?.kind === 'femaleMismatch' || problem?.kind === 'femaleOverTotal' || undefined}
            onChange={(event) => onChange({ ...value, enteredFemale: digits(event.target.value) })}
          />
        </div>
      </div>
      <ParticipantsCheck value={value} problem={problem} />
      {error && (
        <p className="field-error" role="alert" data-testid="participants-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function ParticipantsCheck({ value, problem }: { value: ParticipantsState; problem: ParticipantsProblem | null }) {
  const rt = useRecordsT();
  if (problem)
    return (
      <p className="field-error" data-testid="participants-check">
        {problemText(problem, rt)}
      </p>
    );
  if (value.mode === 'breakdown' && value.rows.length > 0 && (value.enteredTotal || value.enteredFemale))
    return (
      <p className="rec-ok" data-testid="participants-check">
        ✓ {rt('participants.match')}
      </p>
    );
  return null;
}

export function problemText(problem: ParticipantsProblem, rt: ReturnType<typeof useRecordsT>): string {
  switch (problem.kind) {
    case 'totalMismatch':
      return rt('participants.totalMismatch', {
        grid: formatNumber(problem.grid),
        entered: formatNumber(problem.entered),
      });
    case 'femaleMismatch':
      return rt('participants.femaleMismatch', {
        grid: formatNumber(problem.grid),
        entered: formatNumber(problem.entered),
      });
    case 'totalRequired':
      return rt('participants.totalRequired');
    case 'femaleOverTotal':
      return rt('participants.femaleOverTotal', {
        female: formatNumber(problem.female),
        total: formatNumber(problem.total),
      });
  }
}
