// t() and the code suggestion of the checklist administration pages.
import { foldVietnamese } from '../../../shared/text';
import { createFeatureT } from '../../i18n/feature-t';
import { checklistsVi } from './messages.vi';

export const useChecklistsT = createFeatureT(checklistsVi, () => import('./messages.en').then((m) => m.checklistsEn));

/** "Giám sát Dự án 8" → "giam_sat_du_an_8": a code the API accepts, suggested from the name. */
export function suggestCode(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
}
