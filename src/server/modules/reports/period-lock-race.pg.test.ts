// PostgreSQL only (real concurrency): an approval and a record save in the same province cannot
// cross. A second connection plays the other party and holds the scope's lock in an open
// transaction, the way a save under way or an approval under way holds it.
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { ADVISORY_LOCKS } from '../../db/advisory-locks';
import { LAO_CAI_WARD, trainingBody } from '../../../../test/record-fixtures';
import { createReport, reportWorld, writeAndSubmit, type ReportWorld } from '../../../../test/report-fixtures';

let t: TestApp;
let w: ReportWorld;
let other: pg.Client;
beforeAll(async () => {
  t = await createTestApp();
  w = await reportWorld(t);
  const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.database.db);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${rows[0]!.db}`;
  other = new pg.Client({ connectionString: url.toString() });
  await other.connect();
});
afterAll(async () => {
  await other.end();
  await t.close();
});

/** Settles within `ms`, or reports that it is still waiting. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => 'done' as const),
    new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms)),
  ]);

const laoCaiSave = (day: string) =>
  w.laoCai.post(
    '/api/records',
    trainingBody(w.activities[0]!, { startDate: day, endDate: day, place: LAO_CAI_WARD, village: null }),
  );

describe('the period lock under concurrency', () => {
  it('makes a save that starts while an approval is under way wait for it, then refuses it (423)', async () => {
    const report = await writeAndSubmit(w.laoCai, await createReport(w.laoCai, 'quarterly', '2026Q3'));
    // The approval under way: it holds the province's lock and has set the status, not yet committed.
    await other.query('BEGIN');
    await other.query(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.periodScope}, hashtext('15'))`);
    await other.query(`UPDATE report SET status = 'approved', version = version + 1 WHERE report_id = $1`, [report.id]);
    const save = laoCaiSave('2026-08-20');
    expect(await within(save, 700)).toBe('waiting');
    await other.query('COMMIT');
    const res = await save;
    expect(res.statusCode, res.body).toBe(423);
    expect(res.json().error.message).toContain(`báo cáo số ${report.id}`);
  });

  it('makes an approval wait for a save already under way, so the save lands before the lock', async () => {
    const report = await writeAndSubmit(w.laoCai, await createReport(w.laoCai, 'quarterly', '2026Q2'));
    // A save under way: it has checked the period (shared lock) and has not committed.
    await other.query('BEGIN');
    await other.query(`SELECT pg_advisory_xact_lock_shared(${ADVISORY_LOCKS.periodScope}, hashtext('15'))`);
    // Saves do not hold one another up.
    const meanwhile = await laoCaiSave('2026-05-03');
    expect(meanwhile.statusCode, meanwhile.body).toBe(201);
    const approval = w.women.post(`/api/reports/${report.id}/approve`, { version: report.version });
    expect(await within(approval, 700)).toBe('waiting');
    await other.query('COMMIT');
    expect((await approval).statusCode).toBe(200);
  });
});
