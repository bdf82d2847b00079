import type { App } from '../../http/context';
import { adminUnitRoutes } from './admin-units.routes';
import { ethnicGroupRoutes } from './ethnic-groups.routes';
import { agencyRoutes } from './agencies.routes';

export async function referenceRoutes(app: App): Promise<void> {
  await app.register(adminUnitRoutes);
  await app.register(ethnicGroupRoutes);
  await app.register(agencyRoutes);
}
