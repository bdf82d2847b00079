import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { insertAudit } from './audit.repo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('audit log', () => {
  it('is readable by an auditor and forbidden to a data-entry officer', async () => {
    const auditor = await t.as({ role: 'auditor' });
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    const clerk = await t.as({ role: 'data_entry', provinces: ['11'], agency: 'HLHPN-2025-11' });
    expect((await clerk.get('/api/audit')).statusCode).toBe(403);
  });

  it('shows a provincial auditor only the entries of their provinces', async () => {
    const now = t.clock.now();
    await insertAudit(
      t.database.db,
      null,
      { action: 'test', entityType: 'probe', entityId: 'a', provinceCode: '11' },
      now,
    );
    await insertAudit(
      t.database.db,
      null,
      { action: 'test', entityType: 'probe', entityId: 'b', provinceCode: '15' },
      now,
    );
    const auditor = await t.as({ role: 'auditor', provinces: ['15'], agency: 'HLHPN-2025-15' });
    const items = (await auditor.get('/api/audit?entityType=probe')).json().items;
    expect(items.map((i: { entityId: string }) => i.entityId)).toEqual(['b']);
  });

  it('filters by date and validates the date format', async () => {
    const auditor = await t.as({ role: 'auditor' });
    expect((await auditor.get('/api/audit?from=2026-11-28&to=2026-11-28')).json().total).toBeGreaterThan(0);
    expect((await auditor.get('/api/audit?from=2026-11-29')).json().total).toBe(0);
    const bad = await auditor.get('/api/audit?from=28/11/2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('from');
  });

  it('cannot be changed, deleted or truncated, even with SQL', async () => {
    await insertAudit(t.database.db, null, { action: 'test', entityType: 'immutable', entityId: 'x' }, t.clock.now());
    await expect(
      sql`UPDATE audit_log SET action = 'forged' WHERE entity_type = 'immutable'`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE entity_type = 'immutable'`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    // A row trigger does not fire on TRUNCATE: a statement trigger refuses it.
    await expect(sql`TRUNCATE audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
    const left = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'immutable'`.execute(t.database.db);
    expect(left.rows[0]!.n).toBe(1);
  });

  it('offers no route to change it', async () => {
    const admin = await t.as({ role: 'admin' });
    expect((await admin.delete('/api/audit')).statusCode).toBe(404);
  });
});
