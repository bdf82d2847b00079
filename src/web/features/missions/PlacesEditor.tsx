// The places a mission visits: a whole province, or a commune found by typing part of its name
// (diacritics optional; the server searches), each with the day the mission works there.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { fieldError } from '../../lib/field-error';
import { useDebounced } from '../../lib/use-debounced';
import { useMe } from '../../lib/session';
import { useProvinces } from '../../lib/reference';
import { unitInSentence } from '../../../shared/text';
import { useMonitoringT } from './use-monitoring-t';

export interface PlaceDraft {
  generation: 2024 | 2025;
  code: string;
  label: string;
  visitDate: string;
}

interface PlacesEditorProps {
  places: PlaceDraft[];
  onChange(places: PlaceDraft[]): void;
  error: unknown;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

export function PlacesEditor({ places, onChange, error }: PlacesEditorProps) {
  const mt = useMonitoringT();
  const me = useMe();
  const provinces = useProvinces(2025);
  const mine = (provinces.data ?? []).filter((p) => me.nationalScope || me.provinces.some((x) => x.code === p.code));
  const [province, setProvince] = useState('');
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 300);
  const chosen = mine.find((p) => p.code === province);
  const communeQuery = { generation: 2025, level: 'commune', province, q: query, limit: 8 } as const;
  const communes = useQuery({
    queryKey: ['/api/admin-units', communeQuery],
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin-units', { params: { query: communeQuery }, signal })),
    enabled: Boolean(province && query),
    placeholderData: keepPreviousData,
  });
  const has = (code: string) => places.some((p) => p.generation === 2025 && p.code === code);
  const add = (place: PlaceDraft) => {
    if (!has(place.code)) onChange([...places, place]);
    setText('');
  };
  const listError = fieldError(error, 'places') && !places.some((_, i) => fieldError(error, `places.${i}`));

  return (
    <fieldset className={listError ? 'fieldset has-error' : 'fieldset'}>
      <legend>{mt('form.places')}</legend>
      {places.length === 0 ? (
        <p className="muted">{mt('form.noPlaces')}</p>
      ) : (
        <ol className="mon-rows">
          {places.map((p, i) => {
            const placeError = fieldError(error, `places.${i}`);
            return (
              <li key={`${p.generation}-${p.code}`} className="mon-row mon-place-row">
                <div className="mon-place-name">
                  <strong>{p.label}</strong>
                  {placeError && <small className="field-error block">{placeError}</small>}
                </div>
                <div className="field">
                  <label htmlFor={`place-${i}-date`}>{mt('form.visitDate')}</label>
                  <DateField
                    id={`place-${i}-date`}
                    value={p.visitDate}
                    onChange={(visitDate) => onChange(places.map((x, j) => (j === i ? { ...x, visitDate } : x)))}
                  />
                </div>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={mt('form.removePlace', { name: p.label })}
                  onClick={() => onChange(places.filter((_, j) => j !== i))}
                >
                  {mt('form.remove')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="mon-add-place">
        <div className="field">
          <label htmlFor="place-province">{mt('form.placeProvince')}</label>
          <select id="place-province" value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{mt('form.chooseProvince')}</option>
            {mine.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {chosen && (
          <>
            <button
              type="button"
              className="button button-secondary"
              disabled={has(chosen.code)}
              onClick={() => add({ generation: 2025, code: chosen.code, label: chosen.fullName, visitDate: '' })}
            >
              {mt('form.addProvince', { name: chosen.name, unit: unitInSentence(chosen.fullName) })}
            </button>
            <div className="field mon-commune-search">
              <label htmlFor="place-commune">{mt('form.placeCommune')}</label>
              <input
                id="place-commune"
                type="search"
                autoComplete="off"
                value={text}
                placeholder={mt('form.communePlaceholder')}
                onChange={(e) => setText(e.target.value)}
              />
              {query && (
                <ul className="mon-results" aria-label={mt('form.communeResults')} aria-busy={communes.isFetching}>
                  {communes.data?.items.map((c) => (
                    <li key={c.code}>
                      <button
                        type="button"
                        disabled={has(c.code)}
                        onClick={() =>
                          add({
                            generation: 2025,
                            code: c.code,
                            label: `${c.fullName}, ${lowerFirst(chosen.fullName)}`,
                            visitDate: '',
                          })
                        }
                      >
                        {c.fullName}
                      </button>
                    </li>
                  ))}
                  {communes.data && communes.data.items.length === 0 && (
                    <li className="muted">{mt('form.noCommune')}</li>
                  )}
                </ul>
              )}
            </div>
          </>
        )}
      </div>
      {listError && <small className="field-error block">{fieldError(error, 'places')}</small>}
    </fieldset>
  );
}
