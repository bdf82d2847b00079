// Where an activity took place: the geography in force (after or before 1/7/2025), the province,
// and optionally the commune. A province outside the user's scope is not offered for 2025.
import { useMemo, type ReactNode } from 'react';
import { useMe } from '../../lib/session';
import { useProvinces } from '../../lib/reference';
import { CommuneSearch, type CommuneRef } from './CommuneSearch';
import { useComponentsT } from '../use-components-t';
import '../../styles/form-widgets.css';

export interface PlaceValue {
  generation: 2024 | 2025;
  provinceCode: string;
  commune: CommuneRef | null;
}

interface PlacePickerProps {
  idPrefix: string;
  value: PlaceValue;
  onChange(value: PlaceValue): void;
  error?: string;
  /** Only these 2025 provinces (a provincial plan's province); else the user's scope. */
  onlyProvince?: string | null;
  /** The commune's label, when the commune is required rather than optional. */
  communeLabel?: string;
  /** More fields of the place (the village), inside the same box. */
  children?: ReactNode;
}

export function PlacePicker({
  idPrefix,
  value,
  onChange,
  error,
  onlyProvince,
  communeLabel,
  children,
}: PlacePickerProps) {
  const ct = useComponentsT();
  const me = useMe();
  const provinces = useProvinces(value.generation);
  const options = useMemo(() => {
    const all = provinces.data ?? [];
    if (value.generation === 2024) return all;
    if (onlyProvince) return all.filter((p) => p.code === onlyProvince);
    if (me.nationalScope) return all;
    const mine = new Set(me.provinces.map((p) => p.code));
    return all.filter((p) => mine.has(p.code));
  }, [provinces.data, value.generation, onlyProvince, me]);

  return (
    <fieldset className={error ? 'fieldset has-error' : 'fieldset'}>
      <legend>{ct('place.legend')}</legend>
      <div className="rec-segmented" role="radiogroup" aria-label={ct('place.generation')}>
        {([2025, 2024] as const).map((generation) => (
          <label key={generation} className={value.generation === generation ? 'is-selected' : undefined}>
            <input
              type="radio"
              name={`${idPrefix}-generation`}
              checked={value.generation === generation}
              onChange={() => onChange({ generation, provinceCode: '', commune: null })}
            />
            {ct(generation === 2025 ? 'place.gen2025' : 'place.gen2024')}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-province`}>{ct('place.province')}</label>
        <select
          id={`${idPrefix}-province`}
          value={value.provinceCode}
          onChange={(event) => onChange({ ...value, provinceCode: event.target.value, commune: null })}
        >
          <option value="">{ct('place.chooseProvince')}</option>
          {options.map((p) => (
            <option key={p.code} value={p.code}>
              {p.fullName}
            </option>
          ))}
        </select>
      </div>
      <CommuneSearch
        id={`${idPrefix}-commune`}
        label={communeLabel ?? ct('place.commune')}
        generation={value.generation}
        provinceCode={value.provinceCode}
        value={value.commune}
        onChange={(commune) => onChange({ ...value, commune })}
      />
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
      {children}
    </fieldset>
  );
}

/** The place the API stores: the commune when one is chosen, else the province. */
export function placeInput(value: PlaceValue): { generation: 2024 | 2025; code: string } | null {
  const code = value.commune?.code ?? value.provinceCode;
  return code ? { generation: value.generation, code } : null;
}
