// One agency from the reference list: central agencies first, then the provincial branches of the
// 2025 provinces by province (a mission's lead agency and members, a policy review's agency, a
// recommendation's addressee).
import { describedBy } from '../Field';
import { useAgencies, type Agency } from '../../lib/reference';
import { useComponentsT } from '../use-components-t';

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
  const ct = useComponentsT();
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
        <option value="">{agencies.isPending ? ct('common.loading') : ct('agency.choose')}</option>
        <optgroup label={ct('agency.central')}>
          {central.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={ct('agency.provincial')}>
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
