// t() for the report pages.
import { createFeatureT } from '../../i18n/feature-t';
import { reportsVi } from './messages.vi';

export const useReportsT = createFeatureT(reportsVi, () => import('./messages.en').then((m) => m.reportsEn));
