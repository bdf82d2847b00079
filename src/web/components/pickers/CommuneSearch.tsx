// Picks a commune (xã, phường, đặc khu) of one province by typing part of its name, diacritics
// optional. The server searches, so a province's hundreds of old communes never travel whole.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useDebounced } from '../../lib/use-debounced';
import { useComponentsT } from '../use-components-t';
import '../../styles/form-widgets.css';

export interface CommuneRef {
  code: string;
  name: string;
}

interface CommuneSearchProps {
  id: string;
  label: string;
  generation: 2024 | 2025;
  provinceCode: string;
  value: CommuneRef | null;
  onChange(value: CommuneRef | null): void;
  error?: string;
}

export function CommuneSearch({ id, label, generation, provinceCode, value, onChange, error }: CommuneSearchProps) {
  const ct = useComponentsT();
  const [text, setText] = useState('');
  // The list opens once the user comes to the box, so it does not push the form down before.
  const [opened, setOpened] = useState(false);
  const query = useDebounced(text.trim(), 300);
  const search = { generation, level: 'commune' as const, province: provinceCode, q: query || undefined, limit: 12 };
  const searching = !value && Boolean(provinceCode) && opened;
  const results = useQuery({
    queryKey: ['/api/admin-units', search],
    queryFn: ({ signal }) => unwrap(api.GET('/api/admin-units', { params: { query: search }, signal })),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const found = searching ? results.data : undefined;

  if (value) {
    return (
      <div className={error ? 'field has-error' : 'field'}>
        <span className="rec-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="rec-chosen" aria-labelledby={`${id}-label`}>
          <strong>{value.name}</strong>
          <button type="button" className="button button-small" onClick={() => onChange(null)}>
            {ct('place.changeCommune')}
          </button>
        </div>
        {error && (
          <small className="field-error" role="alert">
            {error}
          </small>
        )}
      </div>
    );
  }

  const items = found?.items ?? [];
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        disabled={!provinceCode}
        placeholder={ct('place.communePlaceholder')}
        onFocus={() => setOpened(true)}
        onChange={(event) => {
          setText(event.target.value);
          setOpened(true);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (items[0]) onChange({ code: items[0].code, name: items[0].fullName });
        }}
      />
      {provinceCode && opened && (
        <ul className="rec-results" aria-busy={results.isFetching} aria-label={ct('place.communeResults')}>
          {items.map((unit) => (
            <li key={unit.code}>
              <button type="button" onClick={() => onChange({ code: unit.code, name: unit.fullName })}>
                {unit.fullName}
              </button>
            </li>
          ))}
          {!results.isFetching && items.length === 0 && <li className="muted">{ct('place.noCommune')}</li>}
          {(found?.total ?? 0) > items.length && <li className="muted rec-small">{ct('place.moreCommunes')}</li>}
        </ul>
      )}
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
