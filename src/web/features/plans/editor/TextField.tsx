// A labelled text box of the editor with its hint and its error (the editor's check or the
// server's 400 for the same path).
import { Field, describedBy } from '../../../components/Field';
import { useFieldError } from './editor-errors';

interface TextFieldProps {
  id: string;
  /** Where the server names the field: "title", "sections.0.activities.1.title". */
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  required?: boolean;
  /** Rows of a multi-line box; a single line when absent. */
  rows?: number;
  autoFocus?: boolean;
  placeholder?: string;
  inputMode?: 'decimal' | 'numeric';
}

export function TextField({ id, path, label, value, onChange, hint, required, rows, ...rest }: TextFieldProps) {
  const error = useFieldError(path);
  const common = {
    id,
    value,
    autoFocus: rest.autoFocus,
    placeholder: rest.placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
  };
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          autoComplete="off"
          inputMode={rest.inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
