import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import type { Database } from '../../db/database';
import { loadConfig } from '../../config';
import { ensureDemoUsers } from './demo-users';
import { ensureDemoPlan } from './demo-plan';
import { loadScope } from '../auth/auth.service';
import { budgetSummary } from '../budgets/budgets.service';
import { ensureDemoMonitoring } from './demo-monitoring';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('monitoring demo data', () => {
  it('gives the demo plan a mission, a register and a budget whose spending equals its records, once', async () => {
    const clock = new TestClock();
    const config = loadConfig({});
    await ensureDemoUsers(database.db, 'mat-khau-demo', clock.now());
    const planId = (await ensureDemoPlan(database.db, config, clock))!;
    await ensureDemoMonitoring(database.db, config, clock, planId);
    await ensureDemoMonitoring(database.db, config, clock, planId);
    const db = database.db;
    expect(await db.selectFrom('mission').select('mission_id').execute()).toHaveLength(1);
    expect(await db.selectFrom('recommendation').select('recommendation_id').execute()).toHaveLength(3);
    expect(await db.selectFrom('policy_review').select('policy_review_id').execute()).toHaveLength(3);

    const user = await db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', 'tw.hoiphunu')
      .executeTakeFirstOrThrow();
    const scope = await loadScope(db, user.user_id);
    const actor = {
      userId: user.user_id,
      username: user.username,
      displayName: user.display_name,
      role: 'central_coordinator' as const,
      agencyId: user.agency_id,
      agencyIds: scope.agencyIds,
      nationalScope: true,
      provinces: [],
    };
    const summary = await budgetSummary({ db, actor, clock, config }, { plan: planId });
    const spent = await db
      .selectFrom('record_cost as c')
      .innerJoin('implementation_record as r', 'r.record_id', 'c.record_id')
      .innerJoin('plan_activity as a', 'a.plan_activity_id', 'r.plan_activity_id')
      .select((eb) => eb.fn.sum<string>('c.amount').as('total'))
      .where('a.plan_id', '=', planId)
      .where('r.deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(summary.total.spent).toBe(String(spent.total));
    expect(summary.total).toMatchObject({ planned: '1030000000', spent: '716800000' });
    // The one mission is one monitoring_mission record (GS01 counts it once), carrying its costs.
    const missionRecords = await db
      .selectFrom('implementation_record as r')
      .leftJoin('record_cost as c', 'c.record_id', 'r.record_id')
      .select(['r.record_id', 'c.amount'])
      .where('r.type', '=', 'monitoring_mission')
      .where('r.deleted_at', 'is', null)
      .execute();
    const [mission] = await db.selectFrom('mission').select('record_id').execute();
    expect(missionRecords).toEqual([{ record_id: mission!.record_id, amount: '64350000' }]);
    expect(summary.bySource.map((s) => s.code)).toEqual([
      'ngan_sach_trung_uong',
      'ngan_sach_dia_phuong',
      'ctmtqg',
      'huy_dong',
    ]);
  });
});
