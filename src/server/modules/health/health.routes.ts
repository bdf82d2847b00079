import { Type } from 'typebox';
import { sql } from 'kysely';
import type { App } from '../../http/context';

export async function healthRoutes(app: App): Promise<void> {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Tình trạng hệ thống',
        security: [],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
          }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(app.deps.database.db);
      return { status: 'ok' as const, database: app.deps.database.engine };
    },
  );
}
