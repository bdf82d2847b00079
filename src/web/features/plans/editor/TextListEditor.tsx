// A list of texts (purposes, requirements, tasks, recipients, funding sources): edit, add,
// reorder, delete. `path` is where the server names the list ("purposes" → "purposes.2").
import { useState } from 'react';
import { describedBy } from '../../../components/Field';
import { useFieldError } from './editor-errors';
import { move, removeAt, replaceAt } from './editor-state';
import { ItemToolbar } from './ItemToolbar';

interface TextListEditorProps {
  idPrefix: string;
  path: string;
  items: string[];
  onChange(items: string[]): void;
  itemLabel(n: number): string;
  addLabel: string;
  multiline?: boolean;
}

export function TextListEditor({
  idPrefix,
  path,
  items,
  onChange,
  itemLabel,
  addLabel,
  multiline,
}: TextListEditorProps) {
  const [added, setAdded] = useState<number | null>(null);
  return (
    <div className="text-list">
      {items.length > 0 && (
        <ol className="text-list-items">
          {items.map((item, i) => (
            <TextListItem
              key={i}
              id={`${idPrefix}-${i}`}
              path={`${path}.${i}`}
              label={itemLabel(i + 1)}
              value={item}
              index={i}
              count={items.length}
              multiline={multiline}
              autoFocus={added === i}
              onChange={(value) => onChange(replaceAt(items, i, value))}
              onMove={(by) => onChange(move(items, i, by))}
              onRemove={() => onChange(removeAt(items, i))}
            />
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setAdded(items.length);
          onChange([...items, '']);
        }}
      >
        {addLabel}
      </button>
    </div>
  );
}

interface TextListItemProps {
  id: string;
  path: string;
  label: string;
  value: string;
  index: number;
  count: number;
  multiline?: boolean;
  autoFocus: boolean;
  onChange(value: string): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function TextListItem({
  id,
  path,
  label,
  value,
  index,
  count,
  multiline,
  autoFocus,
  onChange,
  onMove,
  onRemove,
}: TextListItemProps) {
  const error = useFieldError(path);
  const common = {
    id,
    value,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error),
  };
  return (
    <li className={error ? 'text-list-item has-error' : 'text-list-item'}>
      <div className="text-list-head">
        <label htmlFor={id}>{label}</label>
        <ItemToolbar item={label} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <small className="field-error" id={`${id}-error`} role="alert">
          {error}
        </small>
      )}
    </li>
  );
}
