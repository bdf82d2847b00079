// The pivot's filters: indicator(s), geography, year and period, province, and (folded away) the
// disaggregations, agency and plan. Every change goes straight into the view (the address bar).
import type { ReactNode } from 'react';
import { usePlanChoices } from '../../lib/plan-choices';
import { MoreResults } from '../../components/ListPage';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../i18n/format';
import { useAgencies, useEthnicGroups, useProvinces } from '../../lib/reference';
import { TARGET_GROUPS } from '../../lib/record-codes';
import type { AnalyticsMessageKey } from './messages.vi';
import { needsOneIndicator, type FilterParam, type PivotView } from './pivot-view';
import { indicatorName, yearChoices, type IndicatorView } from './shared';
import { useAnalyticsT } from './use-analytics-t';

const AGE_BANDS = ['under_16', '16_30', '31_60', 'over_60', 'unknown'] as const;
const thisYear = Number(todayIso().slice(0, 4));

function periodsOf(year: string): string[] {
  if (!year) return [];
  const months = Array.from({ length: 12 }, (_, i) => `${year}${String(i + 1).padStart(2, '0')}`);
  return [`${year}S1`, `${year}S2`, ...[1, 2, 3, 4].map((q) => `${year}Q${q}`), ...months];
}

interface PivotFiltersProps {
  view: PivotView;
  indicators: IndicatorView[];
  onChange: (view: PivotView) => void;
}

export function PivotFilters({ view, indicators, onChange }: PivotFiltersProps) {
  const t = useAnalyticsT();
  const { lang } = useI18n();
  const f = view.filters;
  const set = (patch: Partial<Record<FilterParam, string>>) => {
    const filters = { ...f, ...patch };
    for (const key of Object.keys(patch) as FilterParam[]) if (!filters[key]) delete filters[key];
    onChange({ ...view, filters });
  };
  const provinces = useProvinces(f.geography === '2024' ? 2024 : 2025);
  const ethnicGroups = useEthnicGroups();
  const agencies = useAgencies();
  // One central plan a year: the newest 100 years' plans, and a word when there are more.
  const plans = usePlanChoices({ kind: 'central' });
  const year = f.year ?? '';
  const chosen = new Set((f.indicator ?? '').split(',').filter(Boolean));
  const periodLabel = (code: string) =>
    code.includes('S')
      ? lang === 'en'
        ? `H${code.slice(-1)}/${year}`
        : `6 tháng ${code.endsWith('1') ? 'đầu' : 'cuối'} năm`
      : code.includes('Q')
        ? `${t('dim.quarter')} ${['I', 'II', 'III', 'IV'][Number(code.slice(-1)) - 1]}`
        : `${t('dim.month')} ${Number(code.slice(4))}`;

  return (
    <form className="an-filters" onSubmit={(event) => event.preventDefault()} aria-label={t('pivot.filters')}>
      {needsOneIndicator(view) ? (
        <Select
          id="pv-indicator"
          label={t('pivot.indicator')}
          value={f.indicator ?? ''}
          grow
          onChange={(v) => set({ indicator: v })}
        >
          <option value="">—</option>
          {indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {i.code} — {indicatorName(i, lang)}
            </option>
          ))}
        </Select>
      ) : (
        <details className="an-indicator-picks field-grow">
          <summary>
            {t('pivot.indicatorsOnAxis')}
            {chosen.size > 0 && ` (${chosen.size})`}
          </summary>
          <div className="checkbox-grid">
            {indicators.map((i) => (
              <label key={i.code} className="checkbox-inline">
                <input
                  type="checkbox"
                  checked={chosen.has(i.code)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(i.code);
                    else next.delete(i.code);
                    set({
                      indicator: indicators
                        .filter((x) => next.has(x.code))
                        .map((x) => x.code)
                        .join(','),
                    });
                  }}
                />
                {i.code} — {indicatorName(i, lang)}
              </label>
            ))}
          </div>
        </details>
      )}
      <Select
        id="pv-geography"
        label={t('pivot.geography')}
        value={f.geography ?? '2025'}
        onChange={(v) => set({ geography: v === '2025' ? '' : v, province: '' })}
      >
        <option value="2025">{t('pivot.geo2025')}</option>
        <option value="2024">{t('pivot.geo2024')}</option>
      </Select>
      <Select id="pv-year" label={t('pivot.year')} value={year} onChange={(v) => set({ year: v, period: '' })}>
        <option value="">{t('pivot.allYears')}</option>
        {yearChoices(thisYear).map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </Select>
      <Select
        id="pv-period"
        label={t('pivot.period')}
        value={f.period ?? ''}
        disabled={!year}
        onChange={(v) => set({ period: v })}
      >
        <option value="">{t('pivot.wholeYear')}</option>
        {periodsOf(year).map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
      </Select>
      <Select
        id="pv-province"
        label={t('pivot.province')}
        value={f.province ?? ''}
        onChange={(v) => set({ province: v })}
      >
        <option value="">{t('pivot.allProvinces')}</option>
        {(provinces.data ?? []).map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </Select>
      <details
        className="an-more field-grow"
        open={Boolean(f.sex || f.ethnic_group || f.target_group || f.age_band || f.agency || f.plan)}
      >
        <summary>{t('pivot.moreFilters')}</summary>
        <div className="an-more-grid">
          <Select id="pv-sex" label={t('dim.sex')} value={f.sex ?? ''} onChange={(v) => set({ sex: v })}>
            <option value="">{t('common.all')}</option>
            <option value="female">{t('sex.female')}</option>
            <option value="male">{t('sex.male')}</option>
          </Select>
          <Select
            id="pv-ethnic"
            label={t('dim.ethnic_group')}
            value={f.ethnic_group ?? ''}
            onChange={(v) => set({ ethnic_group: v })}
          >
            <option value="">{t('common.all')}</option>
            {(ethnicGroups.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
          <Select
            id="pv-target"
            label={t('dim.target_group')}
            value={f.target_group ?? ''}
            onChange={(v) => set({ target_group: v })}
          >
            <option value="">{t('common.all')}</option>
            {TARGET_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`target.${g}` as AnalyticsMessageKey)}
              </option>
            ))}
          </Select>
          <Select id="pv-age" label={t('dim.age_band')} value={f.age_band ?? ''} onChange={(v) => set({ age_band: v })}>
            <option value="">{t('common.all')}</option>
            {AGE_BANDS.map((a) => (
              <option key={a} value={a}>
                {t(`age.${a}` as AnalyticsMessageKey)}
              </option>
            ))}
          </Select>
          <Select id="pv-agency" label={t('dim.agency')} value={f.agency ?? ''} onChange={(v) => set({ agency: v })}>
            <option value="">{t('common.all')}</option>
            {(agencies.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortName || a.name}
              </option>
            ))}
          </Select>
          <Select id="pv-plan" label={t('dim.plan')} value={f.plan ?? ''} onChange={(v) => set({ plan: v })}>
            <option value="">{t('common.all')}</option>
            {(plans.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.number || p.title} ({p.year})
              </option>
            ))}
          </Select>
          {plans.data && <MoreResults shown={plans.data.items.length} total={plans.data.total} />}
        </div>
      </details>
    </form>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  grow?: boolean;
  disabled?: boolean;
}

function Select({ id, label, value, onChange, children, grow, disabled }: SelectProps) {
  return (
    <div className={grow ? 'field field-grow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
