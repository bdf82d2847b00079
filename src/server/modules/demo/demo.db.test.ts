import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import type { Database } from '../../db/database';
import { loadConfig } from '../../config';
import { ensureDemoUsers } from './demo-users';
import { ensureDemoPlan } from './demo-plan';
import { ensureDemoCurrentYear } from './demo-current-year';
import { contextFor } from './demo-plan';
import { listActivities } from '../records/activities.service';
import { getPlan } from '../plans/plans.service';

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
    // Signed as the document prints it: its two blocks with their signers' names.
    const women = await contextFor(database.db, loadConfig({}), clock, 'tw.hoiphunu');
    const view = await getPlan(women, planId!);
    expect(view.signatures.map((s) => s.signer).sort()).toEqual(['Hàng Thị Hạnh', 'Tôn Ngọc Hạnh']);
  });

  it('adds this year’s plan, cascaded to two provinces, with work in progress, done, and a model in the registry', async () => {
    const clock = new TestClock();
    const config = loadConfig({});
    const seedId = (
      await database.db.selectFrom('plan').select('plan_id').where('year', '=', 2022).executeTakeFirstOrThrow()
    ).plan_id;
    const planId = await ensureDemoCurrentYear(database.db, config, clock, seedId);
    expect(planId).toEqual(expect.any(Number));
    expect(await ensureDemoCurrentYear(database.db, config, clock, seedId)).toBeNull();
    // This year's plan: numbered by the Women's Union register, the current abbreviations, names signed.
    const issued = await getPlan(await contextFor(database.db, config, clock, 'tw.hoiphunu'), planId!);
    expect(issued.number).toBe('01/KH-HLHPNVN-BDTTG');
    expect(issued.signatures).toHaveLength(2);
    expect(issued.signatures.every((s) => s.signer.trim() !== '')).toBe(true);
    const plans = await database.db
      .selectFrom('plan')
      .select(['kind', 'status', 'province_code'])
      .where('year', '=', 2026)
      .orderBy('plan_id')
      .execute();
    expect(plans).toEqual([
      { kind: 'central', status: 'issued', province_code: null },
      { kind: 'provincial', status: 'draft', province_code: '11' },
      { kind: 'provincial', status: 'draft', province_code: '15' },
    ]);
    const central = await contextFor(database.db, config, clock, 'tw.hoiphunu');
    const { items } = await listActivities(central, { year: 2026, limit: 500 });
    const statuses = new Set(items.map((a) => a.status));
    expect(statuses).toContain('in_progress');
    expect(statuses).toContain('done');
    expect(statuses).toContain('not_started');
    const model = await database.db
      .selectFrom('community_model')
      .select(['name', 'source_record_id'])
      .where('name', '=', 'Thành lập Tổ truyền thông cộng đồng bản Na Sang')
      .executeTakeFirstOrThrow();
    expect(model.source_record_id).toEqual(expect.any(Number));
    // The central plan has its own work in progress, and the year has targets.
    const centralPlan = await listActivities(central, { plan: planId!, limit: 500 });
    expect(centralPlan.items.map((a) => a.status)).toContain('in_progress');
    const targets = await database.db.selectFrom('indicator_target').select('year').where('year', '=', 2026).execute();
    expect(targets.length).toBeGreaterThan(0);
  });
});
