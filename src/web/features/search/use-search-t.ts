// t() for the search results page.
import { createFeatureT } from '../../i18n/feature-t';
import { searchVi } from './messages.vi';

export const useSearchT = createFeatureT(searchVi, () => import('./messages.en').then((m) => m.searchEn));
