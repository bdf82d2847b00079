import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import type { Database } from '../../db/database';
import { loadConfig } from '../../config';
import { ensureDemoUsers } from './demo-users';
import { ensureDemoPlan } from './demo-plan';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('demo data', () => {
  it('creates one user per role and the issued 2022 plan signed by both agencies, once', async () => {
    const clock = new TestClock();
    expect(await ensureDemoUsers(database.db, 'mat-khau-demo', clock.now())).toBe(true);
    expect(await ensureDemoUsers(database.db, 'mat-khau-demo', clock.now())).toBe(false);
    const roles = await database.db.selectFrom('app_user').select('role').distinct().orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual([
      'admin',
      'auditor',
      'central_coordinator',
      'data_entry',
      'provincial_coordinator',
      'viewer',
    ]);
    const planId = await ensureDemoPlan(database.db, loadConfig({}), clock);
    expect(planId).toEqual(expect.any(Number));
    expect(await ensureDemoPlan(database.db, loadConfig({}), clock)).toBeNull();
    const plan = await database.db
      .selectFrom('plan')
      .selectAll()
      .where('plan_id', '=', planId!)
      .executeTakeFirstOrThrow();
    expect(plan).toMatchObject({ status: 'issued', number: '16/KH-HLHPNVN-UBĐT', issued_on: '2022-07-18', year: 2022 });
    const issuers = await database.db
      .selectFrom('plan_issuer')
      .select(['signed_at'])
      .where('plan_id', '=', planId!)
      .execute();
    expect(issuers).toHaveLength(2);
    expect(issuers.every((i) => i.signed_at !== null)).toBe(true);
  });
});
