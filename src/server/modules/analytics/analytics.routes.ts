// Indicators and analytics: the results framework, targets, entered values, the live pivot, the
// dashboard and data exchange.
import type { App } from '../../http/context';
import { exchangeRoutes } from './exchange.routes';
import { indicatorRoutes } from './indicators.routes';
import { pivotRoutes } from './pivot.routes';

export async function analyticsRoutes(app: App): Promise<void> {
  await app.register(indicatorRoutes);
  await app.register(pivotRoutes);
  await app.register(exchangeRoutes);
}
