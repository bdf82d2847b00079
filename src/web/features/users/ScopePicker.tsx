// National scope, or a set of the 34 provinces (from 1/7/2025).
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorNotice, Loading } from '../../components/Status';
import { useProvinces } from '../../lib/reference';

interface ScopePickerProps {
  nationalScope: boolean;
  provinces: string[];
  onChange(next: { nationalScope: boolean; provinces: string[] }): void;
  error?: string;
}

export function ScopePicker({ nationalScope, provinces, onChange, error }: ScopePickerProps) {
  const { t } = useI18n();
  const list = useProvinces(2025);

  function toggle(code: string, checked: boolean) {
    const next = checked ? [...provinces, code].sort() : provinces.filter((p) => p !== code);
    onChange({ nationalScope, provinces: next });
  }

  return (
    <fieldset
      className={error ? 'fieldset has-error' : 'fieldset'}
      aria-describedby={error ? 'scope-error' : undefined}
    >
      <legend>{t('users.scope')}</legend>
      <div className="radio-row">
        <label>
          <input
            type="radio"
            name="scope"
            checked={nationalScope}
            onChange={() => onChange({ nationalScope: true, provinces })}
          />
          {t('users.scope.national')}
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={!nationalScope}
            onChange={() => onChange({ nationalScope: false, provinces })}
          />
          {t('users.scope.provinces')}
        </label>
      </div>
      {!nationalScope &&
        (list.error ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <Loading />
        ) : (
          <>
            <p className="muted">{t('users.scope.selected', { count: provinces.length })}</p>
            <div className="checkbox-grid" data-testid="province-picker">
              {list.data.map((p) => (
                <label key={p.code}>
                  <input
                    type="checkbox"
                    checked={provinces.includes(p.code)}
                    onChange={(event) => toggle(p.code, event.target.checked)}
                  />
                  {p.name}
                </label>
              ))}
            </div>
          </>
        ))}
      {error && (
        <small className="field-error" id="scope-error" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}
