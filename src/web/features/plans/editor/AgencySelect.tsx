// Agency pickers: one agency (a select grouped by level, the plan's province first), and an
// ordered list of agencies (issuers, partners) with add, reorder and remove.
import { usePlanT } from '../use-plan-t';
import { agencyName, type AgencyOption } from './agency-options';
import { move, removeAt } from './editor-state';
import { ItemToolbar } from './ItemToolbar';

interface AgencySelectProps {
  id: string;
  value: number | null;
  onChange(id: number | null): void;
  options: AgencyOption[];
  provinceCode?: string;
  provinceName?: string;
  /** The first, empty choice: "— Chọn cơ quan —" or "— Không ghi —". */
  placeholder: string;
  exclude?: number[];
  invalid?: boolean;
  describedBy?: string;
}

export function AgencySelect(props: AgencySelectProps) {
  const t = usePlanT();
  const { options, provinceCode, exclude = [] } = props;
  const shown = options.filter((a) => a.id === props.value || !exclude.includes(a.id));
  const byName = (a: AgencyOption, b: AgencyOption) => a.name.localeCompare(b.name, 'vi');
  const central = shown.filter((a) => a.level === 'central');
  const local = shown.filter((a) => a.level === 'provincial' && provinceCode && a.provinceCode === provinceCode);
  const provincial = shown.filter((a) => a.level === 'provincial' && !local.includes(a)).sort(byName);
  const other = shown.filter((a) => a.level === null);
  const group = (label: string, items: AgencyOption[]) =>
    items.length > 0 && (
      <optgroup label={label}>
        {items.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </optgroup>
    );
  return (
    <select
      id={props.id}
      value={props.value ?? ''}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(event) => props.onChange(event.target.value ? Number(event.target.value) : null)}
    >
      <option value="">{props.placeholder}</option>
      {group(t('agency.group.central'), central)}
      {group(t('agency.group.province', { province: props.provinceName ?? provinceCode ?? '' }), local)}
      {group(t('agency.group.provincial'), provincial)}
      {group(t('agency.group.other'), other)}
    </select>
  );
}

interface AgencyListEditorProps {
  idPrefix: string;
  ids: number[];
  onChange(ids: number[]): void;
  options: AgencyOption[];
  provinceCode?: string;
  provinceName?: string;
  addLabel: string;
  /** Shown beside the first agency (the lead issuer). */
  firstLabel?: string;
  /** Agencies not offered besides those already listed (an activity's lead among its partners). */
  exclude?: number[];
  invalid?: boolean;
  describedBy?: string;
}

export function AgencyListEditor(props: AgencyListEditorProps) {
  const { ids, onChange, options } = props;
  return (
    <div className="agency-list">
      {ids.length > 0 && (
        <ol className="agency-list-items">
          {ids.map((id, i) => {
            const name = agencyName(options, id);
            return (
              <li key={id}>
                <span className="agency-list-name">
                  {name}
                  {i === 0 && props.firstLabel && <span className="badge badge-new">{props.firstLabel}</span>}
                </span>
                <ItemToolbar
                  item={name}
                  index={i}
                  count={ids.length}
                  onMove={(by) => onChange(move(ids, i, by))}
                  onRemove={() => onChange(removeAt(ids, i))}
                />
              </li>
            );
          })}
        </ol>
      )}
      <label className="visually-hidden" htmlFor={`${props.idPrefix}-add`}>
        {props.addLabel}
      </label>
      <AgencySelect
        id={`${props.idPrefix}-add`}
        value={null}
        options={options}
        provinceCode={props.provinceCode}
        provinceName={props.provinceName}
        placeholder={`+ ${props.addLabel}…`}
        exclude={[...ids, ...(props.exclude ?? [])]}
        invalid={props.invalid}
        describedBy={props.describedBy}
        onChange={(id) => id !== null && onChange([...ids, id])}
      />
    </div>
  );
}
