// The year-end review (sơ kết) of a plan's year.
import type { App } from '../../http/context';

export async function reviewRoutes(_app: App): Promise<void> {}
