// All SQL for demo_seed: which instance seeded the demo accounts, and where it put their password.
import type { Queryable } from '../../db/database';

export interface DemoSeedRow {
  seededAt: Date;
  host: string;
  passwordSource: 'env' | 'file';
  passwordFile: string | null;
}

export async function findSeed(db: Queryable): Promise<DemoSeedRow | null> {
  const row = await db.selectFrom('demo_seed').selectAll().where('demo_seed_id', '=', 1).executeTakeFirst();
  if (!row) return null;
  return {
    seededAt: new Date(row.seeded_at),
    host: row.host,
    passwordSource: row.password_source === 'env' ? 'env' : 'file',
    passwordFile: row.password_file,
  };
}

export async function insertSeed(db: Queryable, seed: DemoSeedRow): Promise<void> {
  await db
    .insertInto('demo_seed')
    .values({
      demo_seed_id: 1,
      seeded_at: seed.seededAt,
      host: seed.host,
      password_source: seed.passwordSource,
      password_file: seed.passwordFile,
    })
    .execute();
}

export async function anyUser(db: Queryable): Promise<boolean> {
  return !!(await db.selectFrom('app_user').select('user_id').limit(1).executeTakeFirst());
}
