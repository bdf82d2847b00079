// t() for the monitoring pages (missions, recommendations).
import { createFeatureT } from '../records/lib/feature-t';
import { monitoringVi } from './messages.vi';

export const useMonitoringT = createFeatureT(monitoringVi, () => import('./messages.en').then((m) => m.monitoringEn));
