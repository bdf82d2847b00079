// Aggregate values entered directly for one indicator: choose the place and the period (of the
// indicator's period type), then one line per disaggregation (or a single total). A line removed
// is deleted on save. Below, every value entered so far in the user's scope.
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice, QueryView } from '../../components/Status';
import { formatDateTime, formatNumber, todayIso } from '../../i18n/format';
import { fieldError } from '../../lib/field-error';
import { periodLabel } from '../../../shared/analytics';
import { useProvinces } from '../../lib/reference';
import { useMe } from '../../lib/session';
import { useEthnicGroups } from '../../lib/reference';
import { TARGET_GROUPS } from '../../lib/record-codes';
import type { AnalyticsMessageKey } from './messages.vi';
import { parseAmount, yearChoices, type IndicatorView, type ValueView } from './shared';
import { useAnalyticsT } from './use-analytics-t';

const thisYear = Number(todayIso().slice(0, 4));
const AGE_BANDS = ['under_16', '16_30', '31_60', 'over_60', 'unknown'] as const;
const NATIONAL = 'national';

type PeriodType = 'monthly' | 'quarterly' | 'sixmonthly' | 'yearly';
interface Line {
  sex: string;
  ethnicGroupId: string;
  targetGroup: string;
  ageBand: string;
  value: string;
}
const emptyLine = (): Line => ({ sex: '', ethnicGroupId: '', targetGroup: '', ageBand: '', value: '' });
const comboOf = (l: Omit<Line, 'value'>) => [l.sex, l.ethnicGroupId, l.targetGroup, l.ageBand].join('|');

function periodsOf(type: PeriodType, year: number): string[] {
  switch (type) {
    case 'yearly':
      return [String(year)];
    case 'sixmonthly':
      return [`${year}S1`, `${year}S2`];
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => `${year}Q${q}`);
    default:
      return Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, '0')}`);
  }
}

function linesOf(values: ValueView[]): Line[] {
  return values.map((v) => ({
    sex: v.sex ?? '',
    ethnicGroupId: v.ethnicGroupId === null ? '' : String(v.ethnicGroupId),
    targetGroup: v.targetGroup ?? '',
    ageBand: v.ageBand ?? '',
    value: String(v.value),
  }));
}

export function ValuesPanel({ indicator, canEnter }: { indicator: IndicatorView; canEnter: boolean }) {
  const t = useAnalyticsT();
  const me = useMe();
  const periodType = ((indicator.definition as { periodType?: string }).periodType ?? 'quarterly') as PeriodType;
  const [year, setYear] = useState(thisYear);
  const [period, setPeriod] = useState(periodsOf(periodType, thisYear)[0]!);
  const provinces = useProvinces(2025);
  const places = [
    ...(me.nationalScope ? [{ code: NATIONAL, name: t('entry.national') }] : []),
    ...(provinces.data ?? [])
      .filter((p) => me.nationalScope || me.provinces.some((mine) => mine.code === p.code))
      .map((p) => ({ code: p.code, name: p.name })),
  ];
  const [place, setPlace] = useState('');
  const unit = place || places[0]?.code || '';
  const queryClient = useQueryClient();
  const all = useQuery({
    queryKey: ['/api/indicator-values', { indicator: indicator.code }],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/indicator-values', { params: { query: { indicator: indicator.code } }, signal })),
  });
  const current = (all.data ?? []).filter(
    (v) => v.period === period && (unit === NATIONAL ? v.unit === null : v.unit?.code === unit),
  );

  return (
    <section className="panel" aria-labelledby="ind-entry">
      <h2 id="ind-entry">{t('entry.title')}</h2>
      {canEnter && (
        <>
          <p className="muted an-small">
            {t('entry.intro', { period: t(`period.${periodType}` as AnalyticsMessageKey) })}
          </p>
          <div className="filters">
            <div className="field field-grow">
              <label htmlFor="entry-unit">{t('entry.unit')}</label>
              <select id="entry-unit" value={unit} onChange={(event) => setPlace(event.target.value)}>
                {places.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="entry-year">{t('common.year')}</label>
              <select
                id="entry-year"
                value={year}
                onChange={(event) => {
                  const y = Number(event.target.value);
                  setYear(y);
                  setPeriod(periodsOf(periodType, y)[0]!);
                }}
              >
                {yearChoices(thisYear).map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="entry-period">{t('entry.period')}</label>
              <select id="entry-period" value={period} onChange={(event) => setPeriod(event.target.value)}>
                {periodsOf(periodType, year).map((p) => (
                  <option key={p} value={p}>
                    {periodLabel(p)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {all.data && unit && (
            <EntryForm
              key={`${unit}|${period}`}
              indicator={indicator}
              unit={unit}
              period={period}
              existing={current}
              onSaved={() => {
                void queryClient.invalidateQueries({ queryKey: ['/api/indicator-values'] });
                void queryClient.invalidateQueries({ queryKey: ['/api/analytics/dashboard'] });
                void queryClient.invalidateQueries({ queryKey: ['/api/pivot'] });
              }}
            />
          )}
        </>
      )}
      <h3>{t('entry.existing')}</h3>
      <QueryView state={all} isEmpty={(list) => list.length === 0} empty={t('entry.existingEmpty')}>
        {(list) => <ValuesTable values={list} />}
      </QueryView>
    </section>
  );
}

interface EntryFormProps {
  indicator: IndicatorView;
  unit: string;
  period: string;
  existing: ValueView[];
  onSaved: () => void;
}

function EntryForm({ indicator, unit, period, existing, onSaved }: EntryFormProps) {
  const t = useAnalyticsT();
  const ethnicGroups = useEthnicGroups();
  const dis = indicator.disaggregations;
  const [lines, setLines] = useState<Line[]>(() => (existing.length ? linesOf(existing) : [emptyLine()]));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  useEffect(() => setMessage(''), [unit, period]);

  const setLine = (i: number, patch: Partial<Line>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const filled = lines.filter((l) => l.value.trim() !== '');
    const bad = filled.findIndex((l) => parseAmount(l.value) === null);
    if (bad >= 0) return setMessage(t('entry.invalid', { n: bad + 1 }));
    const kept = new Set(filled.map(comboOf));
    const cell = (l: Omit<Line, 'value'>, value: number | null) => ({
      ...(l.sex ? { sex: l.sex as 'female' | 'male' } : {}),
      ...(l.ethnicGroupId ? { ethnicGroupId: Number(l.ethnicGroupId) } : {}),
      ...(l.targetGroup ? { targetGroup: l.targetGroup as (typeof TARGET_GROUPS)[number] } : {}),
      ...(l.ageBand ? { ageBand: l.ageBand as (typeof AGE_BANDS)[number] } : {}),
      value,
    });
    const removed = linesOf(existing).filter((l) => !kept.has(comboOf(l)));
    const values = [...filled.map((l) => cell(l, parseAmount(l.value))), ...removed.map((l) => cell(l, null))];
    if (values.length === 0) return setMessage(t('detail.targetsUnchanged'));
    setBusy(true);
    try {
      await unwrap(
        api.PUT('/api/indicator-values', {
          body: {
            indicator: indicator.code,
            unit: unit === NATIONAL ? null : { generation: 2025, code: unit },
            period,
            values,
          },
        }),
      );
      setMessage(t('entry.saved', { period: periodLabel(period) }));
      onSaved();
    } catch (failure) {
      setError(failure);
      setMessage('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="an-entry" onSubmit={(event) => void save(event)} noValidate>
      {error !== null && <ErrorNotice error={error} />}
      {fieldError(error, 'values') && <p className="field-error">{fieldError(error, 'values')}</p>}
      {lines.map((line, i) => (
        <fieldset key={i} className="an-entry-line">
          <legend className="visually-hidden">{t('entry.line', { n: i + 1 })}</legend>
          {dis.includes('sex') && (
            <LineSelect id={`sex-${i}`} label={t('dim.sex')} value={line.sex} onChange={(v) => setLine(i, { sex: v })}>
              <option value="female">{t('sex.female')}</option>
              <option value="male">{t('sex.male')}</option>
            </LineSelect>
          )}
          {dis.includes('ethnic_group') && (
            <LineSelect
              id={`eth-${i}`}
              label={t('dim.ethnic_group')}
              value={line.ethnicGroupId}
              onChange={(v) => setLine(i, { ethnicGroupId: v })}
            >
              {(ethnicGroups.data ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </LineSelect>
          )}
          {dis.includes('target_group') && (
            <LineSelect
              id={`tg-${i}`}
              label={t('dim.target_group')}
              value={line.targetGroup}
              onChange={(v) => setLine(i, { targetGroup: v })}
            >
              {TARGET_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`target.${g}` as AnalyticsMessageKey)}
                </option>
              ))}
            </LineSelect>
          )}
          {dis.includes('age_band') && (
            <LineSelect
              id={`age-${i}`}
              label={t('dim.age_band')}
              value={line.ageBand}
              onChange={(v) => setLine(i, { ageBand: v })}
            >
              {AGE_BANDS.map((a) => (
                <option key={a} value={a}>
                  {t(`age.${a}` as AnalyticsMessageKey)}
                </option>
              ))}
            </LineSelect>
          )}
          <div className="field">
            <label htmlFor={`val-${i}`}>{t('entry.value')}</label>
            <input
              id={`val-${i}`}
              inputMode={indicator.valueType === 'INTEGER_ZERO_OR_POSITIVE' ? 'numeric' : 'decimal'}
              aria-describedby={`val-type-${i}`}
              value={line.value}
              onChange={(event) => setLine(i, { value: event.target.value })}
            />
            <span id={`val-type-${i}`} className="field-hint">
              {t(`valueType.${indicator.valueType}`)}
            </span>
          </div>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-label={t('entry.removeLine', { n: i + 1 })}
            onClick={() => setLines(lines.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </fieldset>
      ))}
      <div className="action-row an-start">
        {dis.length > 0 && (
          <button type="button" className="button button-secondary" onClick={() => setLines([...lines, emptyLine()])}>
            {t('entry.addLine')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        {message && (
          <span role="status" className="muted">
            {message}
          </span>
        )}
      </div>
    </form>
  );
}

interface LineSelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}

function LineSelect({ id, label, value, onChange, children }: LineSelectProps) {
  const t = useAnalyticsT();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('entry.total')}</option>
        {children}
      </select>
    </div>
  );
}

function ValuesTable({ values }: { values: ValueView[] }) {
  const t = useAnalyticsT();
  const ethnicGroups = useEthnicGroups();
  const ethnicName = (id: number) => ethnicGroups.data?.find((g) => g.id === id)?.name ?? String(id);
  const breakdown = (v: ValueView) =>
    [
      v.sex ? t(`sex.${v.sex}` as AnalyticsMessageKey) : '',
      v.ethnicGroupId !== null ? ethnicName(v.ethnicGroupId) : '',
      v.targetGroup ? t(`target.${v.targetGroup}` as AnalyticsMessageKey) : '',
      v.ageBand ? t(`age.${v.ageBand}` as AnalyticsMessageKey) : '',
    ]
      .filter(Boolean)
      .join(', ') || t('entry.total');
  const columns: Column<ValueView>[] = [
    { key: 'unit', header: t('entry.col.unit'), cell: (v) => v.unit?.name ?? t('entry.national') },
    { key: 'period', header: t('entry.col.period'), className: 'nowrap', cell: (v) => periodLabel(v.period) },
    { key: 'breakdown', header: t('entry.col.breakdown'), cell: breakdown },
    { key: 'value', header: t('entry.col.value'), cell: (v) => formatNumber(v.value) },
    { key: 'updated', header: t('entry.col.updated'), className: 'nowrap', cell: (v) => formatDateTime(v.updatedAt) },
  ];
  return (
    <DataTable
      columns={columns}
      rows={values}
      rowKey={(v) => [v.unit?.code ?? '', v.period, v.sex, v.ethnicGroupId, v.targetGroup, v.ageBand].join('|')}
    />
  );
}
