// t() for the shared components' own dictionary (messages.vi.ts), so no component reads a feature's words.
import { createFeatureT } from '../i18n/feature-t';
import { componentsVi } from './messages.vi';

export const useComponentsT = createFeatureT(componentsVi, () => import('./messages.en').then((m) => m.componentsEn));
export type ComponentsTranslate = ReturnType<typeof useComponentsT>;
