// The scheduled reminders' tests: only the quarterly report reminded (3 days before its deadline,
// again after it, the recipient told too), a user's e-mail address, the reminders a user holds.
import { expect } from 'vitest';
import type { ApiClient, TestApp } from './test-app';

/** 2027Q1 ends 31/3/2027; the quarterly report is due 10 days later. */
export const PERIOD = '2027Q1';
export const DUE = '2027-04-10';

export async function onlyQuarterlyReminders(admin: ApiClient): Promise<void> {
  const types = (await admin.get('/api/report-types')).json() as {
    code: string;
    name: string;
    dueOffsetDays: number | null;
    active: boolean;
  }[];
  for (const type of types) {
    const quarterly = type.code === 'quarterly';
    const res = await admin.put(`/api/report-types/${type.code}`, {
      name: type.name,
      dueOffsetDays: type.dueOffsetDays,
      active: type.active,
      reminders: { enabled: quarterly, daysBefore: 3, afterDue: true, afterDueRecipient: quarterly },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

export async function setEmail(t: TestApp, client: ApiClient, email: string): Promise<void> {
  await t.database.db.updateTable('app_user').set({ email }).where('user_id', '=', client.userId).execute();
}

export async function reminders(client: ApiClient): Promise<{ title: string; body: string; link: string }[]> {
  const res = await client.get('/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { kind: string; title: string; body: string; link: string }[] }).items.filter(
    (n) => n.kind === 'report_reminder',
  );
}
