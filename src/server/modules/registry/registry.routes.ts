// The community-model registry's routes: models, case-level data and grants, import and targets.
import type { App } from '../../http/context';
import { modelCaseRoutes } from './model-cases.routes';
import { modelImportRoutes } from './model-import.routes';
import { modelRoutes } from './models.routes';

export async function registryRoutes(app: App): Promise<void> {
  await app.register(modelRoutes);
  await app.register(modelCaseRoutes);
  await app.register(modelImportRoutes);
}
