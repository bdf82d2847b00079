// createModel as other modules call it: inside their own transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../access/actor';
import { loadConfig } from '../../config';
import type { Database } from '../../db/database';
import { createTestDatabase } from '../../../../test/test-db';
import { createUser } from '../../../../test/factories';
import { modelBody } from '../../../../test/registry-fixtures';
import { TestClock } from '../../../../test/test-app';
import { createModel } from './models.service';

let database: Database;
let ctx: ServiceContext;
beforeAll(async () => {
  database = await createTestDatabase();
  const user = await createUser(database.db, { role: 'data_entry', agency: 'HLHPN-2025-11', provinces: ['11'] });
  ctx = {
    db: database.db,
    clock: new TestClock(),
    config: loadConfig({}),
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.username,
      role: 'data_entry',
      agencyId: 1,
      agencyIds: [1],
      nationalScope: false,
      provinces: ['11'],
    },
  };
});
afterAll(async () => database?.close());

const countModels = async () =>
  Number(
    (
      await database.db
        .selectFrom('community_model')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('createModel for other modules', () => {
  it('refuses to point back at a record that does not exist (foreign key)', async () => {
    const before = await countModels();
    await expect(
      database.db
        .transaction()
        .execute(async (tx) => createModel({ ...ctx, db: tx }, { ...(await modelBody(tx)), sourceRecordId: 987654 })),
    ).rejects.toThrow(/community_model_source_record_fk/);
    expect(await countModels()).toBe(before);
  });

  it('disappears with the caller’s transaction when the caller rolls back', async () => {
    const before = await countModels();
    await expect(
      database.db.transaction().execute(async (tx) => {
        await createModel({ ...ctx, db: tx }, await modelBody(tx));
        throw new Error('the record failed');
      }),
    ).rejects.toThrow('the record failed');
    expect(await countModels()).toBe(before);
  });
});
