// A date typed as dd/mm/yyyy, with the phone's own calendar behind a button. The native date
// input alone would show mm/dd/yyyy on browsers set to English.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { formatDate, parseDate } from '../i18n/format';

interface DateFieldProps {
  id: string;
  /** YYYY-MM-DD, or '' for no date. */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  describedBy?: string;
}

export function DateField({ id, value, onChange, required, describedBy }: DateFieldProps) {
  const t = useT();
  const [text, setText] = useState(formatDate(value));
  const [invalid, setInvalid] = useState(false);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setText(formatDate(value));
    setInvalid(false);
  }, [value]);

  function commit(next: string) {
    if (next.trim() === '') {
      setInvalid(required === true);
      if (!required) onChange('');
      return;
    }
    const parsed = parseDate(next);
    setInvalid(parsed === null);
    if (parsed && parsed !== value) onChange(parsed);
  }

  function openPicker() {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      input.focus();
    }
  }

  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.target.value);
          // Commit as soon as a full date is typed, so the page updates without leaving the box.
          if (parseDate(event.target.value)) commit(event.target.value);
        }}
        onBlur={() => commit(text)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text);
        }}
      />
      <button
        type="button"
        className="button button-icon"
        onClick={openPicker}
        aria-label={t('date.openCalendar')}
        title={t('date.openCalendar')}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path
            fill="currentColor"
            d="M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2Zm12 8H5v9h14v-9ZM5 8h14V6H5v2Z"
          />
        </svg>
      </button>
      <input
        ref={picker}
        className="date-field-native"
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(event) => {
          if (event.target.value) onChange(event.target.value);
        }}
      />
      {invalid && (
        <small className="field-error" role="alert">
          {t('date.invalid')}
        </small>
      )}
    </span>
  );
}
