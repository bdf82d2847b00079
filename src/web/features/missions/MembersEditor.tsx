// The members of a mission (name, position, agency, role) and the agency select they use.
import { describedBy } from '../../components/Field';
import { fieldError } from '../../lib/field-error';
import { useAgencies, type Agency } from '../../lib/reference';
import { useMonitoringT } from './use-monitoring-t';

export interface MemberDraft {
  name: string;
  title: string;
  agencyId: number | null;
  role: 'head' | 'deputy' | 'member' | 'secretary';
}

const ROLES = ['head', 'deputy', 'member', 'secretary'] as const;

/** Central agencies first, then the provincial branches by province. */
export function groupAgencies(agencies: readonly Agency[]) {
  const central = agencies.filter((a) => a.level === 'central');
  const provincial = agencies
    .filter((a) => a.level === 'provincial' && a.generation === 2025)
    .sort((a, b) => (a.provinceCode ?? '').localeCompare(b.provinceCode ?? '') || a.name.localeCompare(b.name, 'vi'));
  return { central, provincial };
}

interface AgencySelectProps {
  id: string;
  label: string;
  value: number | null;
  onChange(value: number | null): void;
  error?: string;
  required?: boolean;
  /** Shown instead of the label (members' rows label their controls visually hidden). */
  hiddenLabel?: boolean;
}

export function AgencySelect({ id, label, value, onChange, error, required, hiddenLabel }: AgencySelectProps) {
  const mt = useMonitoringT();
  const agencies = useAgencies();
  const { central, provincial } = groupAgencies(agencies.data ?? []);
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id} className={hiddenLabel ? 'visually-hidden' : undefined}>
        {label}
        {required && !hiddenLabel && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <select
        id={id}
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(e) => onChange(Number(e.target.value) || null)}
      >
        <option value="">{agencies.isPending ? mt('common.loading') : mt('form.chooseAgency')}</option>
        <optgroup label={mt('form.centralAgencies')}>
          {central.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={mt('form.provincialAgencies')}>
          {provincial.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </optgroup>
      </select>
      {error && (
        <small className="field-error" id={`${id}-error`} role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

interface MembersEditorProps {
  members: MemberDraft[];
  onChange(members: MemberDraft[]): void;
  error: unknown;
}

export function MembersEditor({ members, onChange, error }: MembersEditorProps) {
  const mt = useMonitoringT();
  const update = (i: number, patch: Partial<MemberDraft>) =>
    onChange(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const listError = fieldError(error, 'members') && !members.some((_, i) => fieldError(error, `members.${i}`));
  return (
    <fieldset className={listError ? 'fieldset has-error' : 'fieldset'}>
      <legend>{mt('form.members')}</legend>
      <ol className="mon-rows">
        {members.map((m, i) => (
          <li key={i} className="mon-row">
            <div className="mon-row-grid">
              <div className={fieldError(error, `members.${i}.name`) ? 'field has-error' : 'field'}>
                <label htmlFor={`member-${i}-name`}>{mt('form.memberName')}</label>
                <input id={`member-${i}-name`} value={m.name} onChange={(e) => update(i, { name: e.target.value })} />
                {fieldError(error, `members.${i}.name`) && (
                  <small className="field-error">{fieldError(error, `members.${i}.name`)}</small>
                )}
              </div>
              <div className="field">
                <label htmlFor={`member-${i}-title`}>{mt('form.memberTitle')}</label>
                <input
                  id={`member-${i}-title`}
                  value={m.title}
                  onChange={(e) => update(i, { title: e.target.value })}
                />
              </div>
              <AgencySelect
                id={`member-${i}-agency`}
                label={mt('form.memberAgency')}
                value={m.agencyId}
                onChange={(agencyId) => update(i, { agencyId })}
                error={fieldError(error, `members.${i}.agencyId`)}
              />
              <div className="field">
                <label htmlFor={`member-${i}-role`}>{mt('form.memberRole')}</label>
                <select
                  id={`member-${i}-role`}
                  value={m.role}
                  onChange={(e) => update(i, { role: e.target.value as MemberDraft['role'] })}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {mt(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {members.length > 1 && (
              <button
                type="button"
                className="button button-small"
                onClick={() => onChange(members.filter((_, j) => j !== i))}
                aria-label={mt('form.removeMember', { name: m.name || String(i + 1) })}
              >
                {mt('form.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onChange([...members, { name: '', title: '', agencyId: null, role: 'member' }])}
      >
        {mt('form.addMember')}
      </button>
      {listError && <small className="field-error block">{fieldError(error, 'members')}</small>}
    </fieldset>
  );
}
