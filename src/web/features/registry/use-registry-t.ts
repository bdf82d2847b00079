// t() for the community-model registry pages.
import { createFeatureT } from '../../i18n/feature-t';
import { registryVi } from './messages.vi';

export const useRegistryT = createFeatureT(registryVi, () => import('./messages.en').then((m) => m.registryEn));
export type RegistryTranslate = ReturnType<typeof useRegistryT>;
