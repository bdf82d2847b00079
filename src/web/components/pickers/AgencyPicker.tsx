// Agencies by name or abbreviation (the server searches without diacritics): one organiser, any
// number of partners. Chosen agencies show as chips that can be removed.
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useDebounced } from '../../lib/use-debounced';
import { foldVietnamese } from '../../../shared/text';
import { useComponentsT } from '../use-components-t';
import '../../styles/form-widgets.css';

export interface AgencyRef {
  id: number;
  name: string;
  shortName: string;
}

interface AgencySearchProps {
  id: string;
  label: string;
  exclude: readonly number[];
  onPick(agency: AgencyRef): void;
  placeholder?: string;
  autoFocus?: boolean;
}

function AgencySearch({ id, label, exclude, onPick, placeholder, autoFocus }: AgencySearchProps) {
  const ct = useComponentsT();
  const [text, setText] = useState('');
  const tokens = foldVietnamese(useDebounced(text, 300)).split(' ').filter(Boolean);
  // The server matches one phrase; "dan toc dien bien" should still find "Sở Dân tộc và Tôn giáo
  // tỉnh Điện Biên", so it is asked for the longest word and the rest are matched here.
  const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a), '');
  const search = { q: longest, limit: 100 };
  const results = useQuery({
    queryKey: ['/api/agencies', search],
    queryFn: ({ signal }) => unwrap(api.GET('/api/agencies', { params: { query: search }, signal })),
    enabled: longest !== '',
    placeholderData: keepPreviousData,
  });
  const found = longest ? results.data : undefined;
  const items = (found?.items ?? [])
    .filter((a) => !exclude.includes(a.id))
    .filter((a) => {
      const haystack = foldVietnamese(`${a.name} ${a.shortName} ${a.abbreviation}`);
      return tokens.every((token) => haystack.includes(token));
    })
    .slice(0, 8);
  const query = tokens.join(' ');
  return (
    <div className="rec-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        autoFocus={autoFocus}
        placeholder={placeholder ?? ct('agency.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (items[0]) {
            onPick(items[0]);
            setText('');
          }
        }}
      />
      {query && (
        <ul className="rec-results" aria-busy={results.isFetching} aria-label={ct('agency.results')}>
          {items.map((agency) => (
            <li key={agency.id}>
              <button
                type="button"
                onClick={() => {
                  onPick({ id: agency.id, name: agency.name, shortName: agency.shortName });
                  setText('');
                }}
              >
                {agency.name}
              </button>
            </li>
          ))}
          {!results.isFetching && items.length === 0 && <li className="muted">{ct('agency.none')}</li>}
        </ul>
      )}
    </div>
  );
}

interface OrganiserPickerProps {
  id: string;
  value: AgencyRef | null;
  onChange(value: AgencyRef | null): void;
  error?: string;
}

export function OrganiserPicker({ id, value, onChange, error }: OrganiserPickerProps) {
  const ct = useComponentsT();
  const [changing, setChanging] = useState(false);
  if (value && !changing) {
    return (
      <div className={error ? 'field has-error' : 'field'}>
        <span className="rec-label" id={`${id}-label`}>
          {ct('agency.organiser')}
        </span>
        <div className="rec-chosen" aria-labelledby={`${id}-label`}>
          <span>{value.name}</span>
          <button type="button" className="button button-small" onClick={() => setChanging(true)}>
            {ct('agency.change')}
          </button>
        </div>
        {error && <small className="field-error">{error}</small>}
      </div>
    );
  }
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <AgencySearch
        id={id}
        label={ct('agency.organiser')}
        exclude={[]}
        autoFocus={changing}
        onPick={(agency) => {
          onChange(agency);
          setChanging(false);
        }}
      />
      {error && <small className="field-error">{error}</small>}
    </div>
  );
}

interface PartnersPickerProps {
  id: string;
  value: AgencyRef[];
  onChange(value: AgencyRef[]): void;
  error?: string;
}

export function PartnersPicker({ id, value, onChange, error }: PartnersPickerProps) {
  const ct = useComponentsT();
  return (
    <div className={error ? 'field has-error' : 'field'}>
      {value.length > 0 && (
        <ul className="rec-chips" aria-label={ct('agency.partners')}>
          {value.map((agency) => (
            <li key={agency.id} className="chip">
              {agency.shortName || agency.name}
              <button
                type="button"
                aria-label={ct('agency.remove', { name: agency.name })}
                onClick={() => onChange(value.filter((a) => a.id !== agency.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <AgencySearch
        id={id}
        label={ct('agency.addPartner')}
        exclude={value.map((a) => a.id)}
        onPick={(agency) => onChange([...value, agency])}
      />
      {error && <small className="field-error">{error}</small>}
    </div>
  );
}
