// t() for the analytics pages (dashboard, pivot, indicators).
import { createFeatureT } from '../../i18n/feature-t';
import { analyticsVi } from './messages.vi';

export const useAnalyticsT = createFeatureT(analyticsVi, () => import('./messages.en').then((m) => m.analyticsEn));
export type AnalyticsTranslate = ReturnType<typeof useAnalyticsT>;
