// Adds an ethnic group by name: quick buttons for the groups most often met in the programme's
// provinces, and a search that ignores diacritics and knows other names ("meo" finds Mông).
import { useState } from 'react';
import { matchEthnicGroups, useEthnicGroups, type EthnicGroup } from '../../lib/reference';
import { useComponentsT } from '../use-components-t';
import '../../styles/form-widgets.css';

const COMMON = ['Kinh', 'Thái', 'Mông', 'Dao', 'Tày', 'Nùng', 'Mường', 'Khmer'];
const MAX_RESULTS = 8;

interface EthnicGroupPickerProps {
  id: string;
  /** Groups already in the grid: shown as added rather than offered again. */
  present: ReadonlySet<number>;
  onPick(group: EthnicGroup): void;
  label?: string;
}

export function EthnicGroupPicker({ id, present, onPick, label }: EthnicGroupPickerProps) {
  const ct = useComponentsT();
  const groups = useEthnicGroups();
  const [text, setText] = useState('');
  const all = groups.data ?? [];
  const offered = text.trim()
    ? matchEthnicGroups(all, text).slice(0, MAX_RESULTS)
    : COMMON.map((name) => all.find((g) => g.name === name)).filter((g): g is EthnicGroup => g !== undefined);

  function pick(group: EthnicGroup) {
    onPick(group);
    setText('');
  }

  return (
    <div className="rec-picker">
      <label htmlFor={id}>{label ?? ct('ethnic.add')}</label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={text}
        placeholder={ct('ethnic.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter adds the first match instead of submitting the whole form.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (text.trim() && offered[0]) pick(offered[0]);
        }}
      />
      {groups.error && <small className="field-error">{ct('ethnic.loadFailed')}</small>}
      <div className="rec-chip-options" aria-label={ct(text.trim() ? 'ethnic.matches' : 'ethnic.common')} role="group">
        {offered.map((group) => (
          <button
            key={group.id}
            type="button"
            className={present.has(group.id) ? 'rec-option is-present' : 'rec-option'}
            onClick={() => pick(group)}
          >
            <span aria-hidden="true">+ </span>
            {group.name}
          </button>
        ))}
        {text.trim() && offered.length === 0 && <span className="muted">{ct('ethnic.none')}</span>}
      </div>
    </div>
  );
}
