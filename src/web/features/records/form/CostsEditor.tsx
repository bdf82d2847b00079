// Costs by funding source, in đồng: typed with or without dots, shown as 1.234.567, kept and sent
// as strings of digits, added up exactly.
import { useI18n } from '../../../i18n/I18nProvider';
import { fieldError } from '../../../lib/field-error';
import { formatMoney, moneyDigits, sumMoney } from '../../../lib/money';
import { useFundingSources } from '../../../lib/reference';
import { useRecordsT } from '../use-records-t';

export interface CostRow {
  key: string;
  fundingSource: string;
  amount: string;
}

let nextKey = 0;
export const newCostRow = (fundingSource = ''): CostRow => ({ key: `cost-${++nextKey}`, fundingSource, amount: '' });

interface CostsEditorProps {
  value: CostRow[];
  onChange(value: CostRow[]): void;
  error: unknown;
}

export function CostsEditor({ value, onChange, error }: CostsEditorProps) {
  const rt = useRecordsT();
  const { lang } = useI18n();
  const sources = useFundingSources();
  const used = new Set(value.map((c) => c.fundingSource));
  const setRow = (key: string, patch: Partial<CostRow>) =>
    onChange(value.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  const total = sumMoney(value.map((c) => c.amount));

  return (
    <fieldset className="fieldset">
      <legend>{rt('costs.legend')}</legend>
      {value.length === 0 && <p className="muted rec-small">{rt('costs.none')}</p>}
      {value.map((cost, i) => {
        const sourceError = fieldError(error, `costs.${i}.fundingSource`);
        const amountError = fieldError(error, `costs.${i}.amount`);
        return (
          <div className="rec-cost" key={cost.key}>
            <div className={sourceError ? 'field has-error' : 'field'}>
              <label htmlFor={`${cost.key}-source`}>{rt('costs.source')}</label>
              <select
                id={`${cost.key}-source`}
                value={cost.fundingSource}
                onChange={(event) => setRow(cost.key, { fundingSource: event.target.value })}
              >
                <option value="">{rt('costs.chooseSource')}</option>
                {sources.data?.map((s) => (
                  <option key={s.code} value={s.code} disabled={used.has(s.code) && s.code !== cost.fundingSource}>
                    {lang === 'en' ? s.nameEn : s.nameVi}
                  </option>
                ))}
              </select>
              {sourceError && <small className="field-error">{sourceError}</small>}
            </div>
            <div className={amountError ? 'field has-error' : 'field'}>
              <label htmlFor={`${cost.key}-amount`}>{rt('costs.amount')}</label>
              <span className="rec-money">
                <input
                  id={`${cost.key}-amount`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={formatMoney(cost.amount)}
                  onChange={(event) => setRow(cost.key, { amount: moneyDigits(event.target.value) })}
                />
                <span aria-hidden="true">đ</span>
              </span>
              {amountError && <small className="field-error">{amountError}</small>}
            </div>
            <button
              type="button"
              className="rec-icon-button"
              aria-label={rt('costs.remove')}
              onClick={() => onChange(value.filter((c) => c.key !== cost.key))}
            >
              ×
            </button>
          </div>
        );
      })}
      <div className="rec-cost-footer">
        <button
          type="button"
          className="button button-small"
          disabled={sources.data !== undefined && used.size >= sources.data.length}
          onClick={() => onChange([...value, newCostRow()])}
        >
          {rt('costs.add')}
        </button>
        {value.length > 0 && (
          <span data-testid="costs-total">
            {rt('costs.total')}: <strong>{formatMoney(total)} đ</strong>
          </span>
        )}
      </div>
    </fieldset>
  );
}
