// The members of a mission (name, position, agency, role).
import { AgencySelect } from '../../components/pickers/AgencySelect';
import { fieldError } from '../../lib/field-error';
import { useMonitoringT } from './use-monitoring-t';

export interface MemberDraft {
  name: string;
  title: string;
  agencyId: number | null;
  role: 'head' | 'deputy' | 'member' | 'secretary';
}

const ROLES = ['head', 'deputy', 'member', 'secretary'] as const;

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
