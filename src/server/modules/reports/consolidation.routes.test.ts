import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../../../../test/test-app';
import { createReport, reportWorld, writeAndSubmit, type ReportWorld } from '../../../../test/report-fixtures';

/** A local SMTP capture server: every message it receives, with its envelope. */
interface Captured {
  to: string[];
  raw: string;
}
const captured: Captured[] = [];
let smtp: SMTPServer;
let t: TestApp;
let w: ReportWorld;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        captured.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await createTestApp({
    smtp: {
      host: '127.0.0.1',
      port,
      secure: false,
      user: null,
      password: null,
      verifyCertificate: true,
      from: 'Phối hợp <phoihop@localhost>',
    },
  });
  w = await reportWorld(t);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('the consolidation table', () => {
  it('shows every expected report of the period with its status, and who is late', async () => {
    const laoCai = await createReport(w.laoCai, 'quarterly', '2026Q3');
    await writeAndSubmit(w.laoCai, laoCai);
    await createReport(w.dienBien, 'quarterly', '2026Q3');
    const res = await w.women.get('/api/reports/consolidation?type=quarterly&period=2026Q3');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ dueDate: '2026-10-10', today: '2026-11-28', period: { label: 'Quý III/2026' } });
    // 34 provinces × 2 agencies, and the two central agencies.
    expect(view.rows).toHaveLength(70);
    const row = (province: string, name: RegExp) =>
      view.rows.find(
        (r: { province: { code: string } | null; agency: { name: string } }) =>
          r.province?.code === province && name.test(r.agency.name),
      );
    expect(row('15', /Hội Liên hiệp Phụ nữ/)).toMatchObject({ status: 'submitted', late: false, reportId: laoCai.id });
    expect(row('11', /Hội Liên hiệp Phụ nữ/)).toMatchObject({ status: 'draft', late: true });
    expect(row('15', /Dân tộc/)).toMatchObject({ status: 'not_started', late: true, reportId: null });
    expect(view.counts).toMatchObject({ submitted: 1, draft: 1, not_started: 68, late: 69 });

    // Before the deadline nobody is late.
    t.clock.set('2026-10-05T03:00:00Z');
    const early = (await w.women.get('/api/reports/consolidation?type=quarterly&period=2026Q3')).json();
    expect(early.counts.late).toBe(0);
    t.clock.set('2026-11-28T03:00:00Z');

    // A province sees only its own rows.
    const own = (await w.laoCai.get('/api/reports/consolidation?type=quarterly&period=2026Q3')).json();
    expect(own.rows.map((r: { province: { code: string } }) => r.province.code)).toEqual(['15', '15']);
    const bad = await w.women.get('/api/reports/consolidation?type=quarterly&period=2026S1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('period');
  });

  it('reminds the late in the app and by e-mail through the configured SMTP server', async () => {
    await t.database.db
      .updateTable('app_user')
      .set({ email: 'dienbien@example.vn' })
      .where('user_id', '=', w.dienBien.userId)
      .execute();
    expect(
      (await w.laoCai.post('/api/reports/consolidation/remind', { type: 'quarterly', period: '2026Q3' })).statusCode,
    ).toBe(403);
    const res = await w.women.post('/api/reports/consolidation/remind', { type: 'quarterly', period: '2026Q3' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ agencies: 69, emails: 1 });
    expect(captured).toHaveLength(1);
    expect(captured[0]!.to).toEqual(['dienbien@example.vn']);
    expect(captured[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(captured[0]!.raw).toContain('dienbien@example.vn');

    const inbox = (await w.dienBien.get('/api/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'report_reminder', title: 'Nhắc nộp báo cáo quý: Quý III/2026' });
    expect(inbox.items[0].body).toContain('10/10/2026');
    expect(inbox.items[0].link).toMatch(/^\/reports\/\d+$/);
    // The submitted report's agency is not late: no reminder.
    expect((await w.laoCai.get('/api/notifications')).json().unread).toBe(0);
    // Only the addressee marks it read.
    expect((await w.laoCai.post(`/api/notifications/${inbox.items[0].id}/read`)).statusCode).toBe(404);
    const read = await w.dienBien.post(`/api/notifications/${inbox.items[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().unread).toBe(0);
  });
});
