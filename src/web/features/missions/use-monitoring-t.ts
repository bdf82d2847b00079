// t() for the monitoring pages (missions, recommendations).
import { createFeatureT } from '../../i18n/feature-t';
import { monitoringVi } from './messages.vi';

export const useMonitoringT = createFeatureT(monitoringVi, () => import('./messages.en').then((m) => m.monitoringEn));
