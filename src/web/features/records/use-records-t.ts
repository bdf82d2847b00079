// t() for the records and activities pages (and the pickers they share with the registry).
import { createFeatureT } from '../../i18n/feature-t';
import { recordsVi } from './messages.vi';

export const useRecordsT = createFeatureT(recordsVi, () => import('./messages.en').then((m) => m.recordsEn));
export type RecordsTranslate = ReturnType<typeof useRecordsT>;
