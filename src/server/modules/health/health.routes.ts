import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../http/context';
import { DatabaseReadiness } from './readiness';

// The yardstick of every benchmark and what a load balancer asks: it answers at once, takes no
// database slot (http/admission.ts) and never waits for the database; `databaseReady` is the
// result of the latest background probe (readiness.ts).
export async function healthRoutes(app: App): Promise<void> {
  const readiness = new DatabaseReadiness(() => sql`select 1`.execute(app.deps.database.db));
  app.addHook('onReady', () => readiness.probe());
  app.get(
    '/health',
    {
      config: { public: true, admission: false },
      schema: {
        tags: ['system'],
        summary: 'Tình trạng hệ thống',
        description:
          'Trả lời ngay, không chờ cơ sở dữ liệu. `databaseReady`: cơ sở dữ liệu đã trả lời một lần kiểm tra gần đây (trong 30 giây).',
        security: [],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
            databaseReady: Type.Boolean(),
          }),
        },
      },
    },
    async () => ({ status: 'ok' as const, database: app.deps.database.engine, databaseReady: readiness.ready() }),
  );
}
