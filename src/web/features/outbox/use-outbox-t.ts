// t() for the queue page.
import { createFeatureT } from '../../i18n/feature-t';
import { outboxVi } from './messages.vi';

export const useOutboxT = createFeatureT(outboxVi, () => import('./messages.en').then((m) => m.outboxEn));
