import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import type { Database } from '../../db/database';
import { loadConfig } from '../../config';
import { ensureDemoUsers } from './demo-users';
import { ensureDemoPlan } from './demo-plan';
import { ensureDemoMonitoring } from './demo-monitoring';
import { ensureDemoReports } from './demo-reports';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('demo reports', () => {
  it("give the pages content: Lào Cai's quarter II report waits for approval, quarter III is a draft; nothing is locked", async () => {
    const clock = new TestClock();
    const config = loadConfig({});
    await ensureDemoUsers(database.db, 'mat-khau-demo', clock.now());
    const planId = (await ensureDemoPlan(database.db, config, clock))!;
    await ensureDemoMonitoring(database.db, config, clock, planId);
    await ensureDemoReports(database.db, config, clock);
    await ensureDemoReports(database.db, config, clock);
    const reports = await database.db
      .selectFrom('report')
      .select(['period_code', 'status', 'province_code', 'figures', 'due_date'])
      .orderBy('period_code')
      .execute();
    expect(reports.map((r) => [r.period_code, r.status, r.province_code, r.due_date])).toEqual([
      ['2022Q2', 'submitted', '15', '2022-07-10'],
      ['2022Q3', 'draft', '15', '2022-10-10'],
    ]);
    // The quarter's record (6 communication teams founded in June 2022, old Lào Cai 10 → 15) is in the snapshot.
    const figures = reports[0]!.figures as { records: { count: number; items: { title: string }[] } };
    expect(figures.records.count).toBe(1);
    expect(figures.records.items[0]!.title).toBe('Thành lập Tổ truyền thông cộng đồng tại các xã vùng cao');
  });
});
