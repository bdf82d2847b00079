// t() for the home page.
import { createFeatureT } from '../../i18n/feature-t';
import { homeVi } from './messages.vi';

export const useHomeT = createFeatureT(homeVi, () => import('./messages.en').then((m) => m.homeEn));
