// What the analytics pages share: response types, the query key of an indicator's view, labels of
// dimensions and codes, and how an indicator is computed, in words. The indicator list itself is
// reference data (lib/reference.ts).
import type * as ApiTypes from '../../api/types';
import type { IndicatorView } from '../../lib/reference';
import type { PivotDimension } from '../../../shared/analytics';
import type { AnalyticsMessageKey } from './messages.vi';
import type { AnalyticsTranslate } from './use-analytics-t';

export type { IndicatorView };
/** The query key of one indicator's view (its page and its edit form). */
export const indicatorKey = (id: number) => ['/api/indicators/{id}', id] as const;

export type PivotResult = ApiTypes.PivotResponse;
export type DashboardView = ApiTypes.DashboardResponse;
export type TargetView = ApiTypes.IndicatorTargetView;
export type ValueView = ApiTypes.IndicatorValueView;

export const dimensionLabel = (t: AnalyticsTranslate, dim: PivotDimension) => t(`dim.${dim}` as AnalyticsMessageKey);

export const indicatorName = (i: { nameVi: string; nameEn: string }, lang: 'vi' | 'en') =>
  lang === 'en' ? i.nameEn : i.nameVi;

/** "cộng số người tham gia; loại ghi nhận: tập huấn; chỉ Nữ" from the indicator's definition. */
export function describeDefinition(
  t: AnalyticsTranslate,
  indicator: IndicatorView,
  modelTypeNames: ReadonlyMap<string, string> = new Map(),
): string {
  const d = indicator.definition as Record<string, unknown>;
  const parts: string[] = [];
  const list = (v: unknown) =>
    Array.isArray(v)
      ? v
          .map((code) =>
            indicator.source === 'records'
              ? t(`record.${String(code)}` as AnalyticsMessageKey)
              : (modelTypeNames.get(String(code)) ?? String(code)),
          )
          .join(', ')
      : '';
  if (indicator.source === 'aggregate') {
    parts.push(t(`period.${String(d.periodType)}` as AnalyticsMessageKey));
  } else {
    if (typeof d.measure === 'string') parts.push(t(`measure.${d.measure}` as AnalyticsMessageKey));
    if (indicator.source === 'records' && Array.isArray(d.recordTypes))
      parts.push(t('indicators.recordTypes', { types: list(d.recordTypes) }));
    if (indicator.source === 'registry' && Array.isArray(d.modelTypes))
      parts.push(t('indicators.modelTypes', { types: list(d.modelTypes) }));
    if (typeof d.sex === 'string')
      parts.push(t('indicators.onlySex', { sex: t(`sex.${d.sex}` as AnalyticsMessageKey) }));
    if (Array.isArray(d.targetGroups))
      parts.push(
        t('indicators.onlyTargets', {
          groups: d.targetGroups.map((g) => t(`target.${String(g)}` as AnalyticsMessageKey)).join(', '),
        }),
      );
    if (typeof d.language === 'string') parts.push(t(`indicators.language.${d.language}` as AnalyticsMessageKey));
    if (d.womenOwned === true) parts.push(t('indicators.womenOwned'));
    if (d.tech40 === true) parts.push(t('indicators.tech40'));
  }
  return `${t(`source.${indicator.source}`)}: ${parts.join('; ')}`;
}

/** Years offered by the year pickers: from the first plan year to next year. */
export function yearChoices(thisYear: number): number[] {
  return Array.from({ length: thisYear - 2022 + 2 }, (_, i) => thisYear + 1 - i);
}

/** A typed number: "1500", "1.500" (thousands, Vietnamese), "2,5" or "2.5"; null if it is not one. */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  const normal = /^-?\d{1,3}(\.\d{3})+$/.test(trimmed) ? trimmed.replace(/\./g, '') : trimmed.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}
