// A timeframe chosen by quarter, month or day: kind, then "from" and "to" (each with its year).
// Produces the period references the API stores: 2022-Q2, 2022-12, 2022-12-15.
import { parsePeriodRef, periodRef, quarterToRoman, type PeriodParts } from '../../../../shared/period';
import { DateField } from '../../../components/DateField';
import { timeframeText } from '../plan-labels';
import type { Timeframe } from '../plan-types';
import { usePlanT } from '../use-plan-t';

type Kind = 'none' | 'quarter' | 'month' | 'day';

interface TimeframePickerProps {
  id: string;
  legend: string;
  value: Timeframe | null;
  onChange(value: Timeframe | null): void;
  defaultYear: number;
  error?: string;
}

function kindOf(ref: string | undefined): Kind {
  return parsePeriodRef(ref ?? '')?.kind ?? 'none';
}

/** The period a kind starts or ends a year with. */
function yearBoundary(kind: Exclude<Kind, 'none'>, year: number, end: boolean): string {
  if (kind === 'quarter') return `${year}-Q${end ? 4 : 1}`;
  if (kind === 'month') return `${year}-${end ? '12' : '01'}`;
  return end ? `${year}-12-31` : `${year}-01-01`;
}

/** The same moment in another kind: quarter II → month 4 (start) or 6 (end); month 7 → quarter III. */
function convert(ref: string, kind: Exclude<Kind, 'none'>, end: boolean, fallbackYear: number): string {
  const p = parsePeriodRef(ref);
  if (!p) return yearBoundary(kind, fallbackYear, end);
  const month = p.kind === 'quarter' ? p.quarter * 3 - (end ? 0 : 2) : p.month;
  if (kind === 'quarter') return `${p.year}-Q${Math.ceil(month / 3)}`;
  if (kind === 'month') return periodRef({ kind: 'month', year: p.year, month });
  const day = end ? new Date(Date.UTC(p.year, month, 0)).getUTCDate() : p.kind === 'day' ? p.day : 1;
  return periodRef({ kind: 'day', year: p.year, month, day });
}

export function TimeframePicker({ id, legend, value, onChange, defaultYear, error }: TimeframePickerProps) {
  const t = usePlanT();
  const kind = kindOf(value?.start);

  function setKind(next: Kind) {
    if (next === 'none') return onChange(null);
    const year = parsePeriodRef(value?.start ?? '')?.year ?? defaultYear;
    onChange({
      start: value ? convert(value.start, next, false, year) : yearBoundary(next, year, false),
      end: value ? convert(value.end, next, true, year) : yearBoundary(next, year, true),
    });
  }

  // A changed timeframe drops the source's words ("Từ quý I đến quý IV/2022"): they no longer match.
  const setEnd = (which: 'start' | 'end', ref: string) =>
    value && onChange({ start: which === 'start' ? ref : value.start, end: which === 'end' ? ref : value.end });

  const reading = value && parsePeriodRef(value.start) && parsePeriodRef(value.end) ? timeframeText(value) : '';
  return (
    <fieldset className={error ? 'fieldset timeframe has-error' : 'fieldset timeframe'} id={id}>
      <legend>{legend}</legend>
      <div className="timeframe-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('timeframe.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            <option value="none">{t('timeframe.kind.none')}</option>
            <option value="quarter">{t('timeframe.kind.quarter')}</option>
            <option value="month">{t('timeframe.kind.month')}</option>
            <option value="day">{t('timeframe.kind.day')}</option>
          </select>
        </div>
        {value && kind !== 'none' && (
          <>
            <PointPicker
              id={`${id}-from`}
              which="start"
              value={value.start}
              defaultYear={defaultYear}
              onChange={(ref) => setEnd('start', ref)}
            />
            <PointPicker
              id={`${id}-to`}
              which="end"
              value={value.end}
              defaultYear={defaultYear}
              onChange={(ref) => setEnd('end', ref)}
            />
          </>
        )}
      </div>
      {reading && <p className="timeframe-reading">{t('timeframe.reads', { text: reading })}</p>}
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}

interface PointPickerProps {
  id: string;
  which: 'start' | 'end';
  value: string;
  defaultYear: number;
  onChange(ref: string): void;
}

function PointPicker({ id, which, value, defaultYear, onChange }: PointPickerProps) {
  const t = usePlanT();
  const parts = parsePeriodRef(value);
  const from = which === 'start';
  const groupLabel = from ? t('timeframe.from') : t('timeframe.to');
  if (!parts || parts.kind === 'day') {
    return (
      <div className="field">
        <label htmlFor={`${id}-day`}>{from ? t('timeframe.fromDay') : t('timeframe.toDay')}</label>
        <DateField id={`${id}-day`} value={parts ? value : ''} required onChange={onChange} />
      </div>
    );
  }
  const year = parts.year;
  const years = yearChoices(defaultYear, year);
  const withYear = (next: number): PeriodParts => ({ ...parts, year: next });
  return (
    <div className="timeframe-point" role="group" aria-label={groupLabel}>
      <div className="field">
        {parts.kind === 'quarter' ? (
          <>
            <label htmlFor={`${id}-period`}>{from ? t('timeframe.fromQuarter') : t('timeframe.toQuarter')}</label>
            <select
              id={`${id}-period`}
              value={parts.quarter}
              onChange={(event) => onChange(periodRef({ kind: 'quarter', year, quarter: Number(event.target.value) }))}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('timeframe.quarterOption', { roman: quarterToRoman(q) })}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label htmlFor={`${id}-period`}>{from ? t('timeframe.fromMonth') : t('timeframe.toMonth')}</label>
            <select
              id={`${id}-period`}
              value={parts.month}
              onChange={(event) => onChange(periodRef({ kind: 'month', year, month: Number(event.target.value) }))}
            >
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {t('timeframe.monthOption', { month: m })}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{from ? t('timeframe.fromYear') : t('timeframe.toYear')}</label>
        <select
          id={`${id}-year`}
          value={year}
          onChange={(event) => onChange(periodRef(withYear(Number(event.target.value))))}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The plan's year, the one before and five after, and the current value wherever it is. */
function yearChoices(planYear: number, current: number): number[] {
  const years = new Set<number>([current]);
  for (let y = planYear - 1; y <= planYear + 5; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}
