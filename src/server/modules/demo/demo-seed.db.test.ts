import fs from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createTestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import { accountsOnly, machine, removeMachines, type Machine } from '../../../../test/demo-seed-fixtures';
import { passwordMatches } from '../auth/auth.service';
import { DEMO_USERS } from './demo-users';
import { demoBanner, seedDemo } from './demo-seed';

let database: Database;
const machines: Machine[] = [];
const on = (host: string, env?: Record<string, string>) => {
  const m = machine(host, env);
  machines.push(m);
  return m;
};
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.close());
afterAll(() => removeMachines(machines));

const clock = new TestClock(new Date('2026-12-03T02:00:00Z'));
const seed = (m: Machine) => seedDemo(database.db, m.config, clock, { host: m.host, ...accountsOnly });

describe('demo seeding', () => {
  it('creates the accounts once; an instance finding them shows no password it cannot check, only where it is', async () => {
    const a = on('may-a');
    const b = on('may-b');
    const first = await seed(a);
    expect(first.createdAccounts).toBe(true);
    expect(fs.readFileSync(a.passwordFile, 'utf8').trim()).toBe(first.password);
    expect(await passwordMatches(database.db, 'admin', first.password!)).toBe(true);

    const second = await seed(b);
    expect(second).toMatchObject({ createdAccounts: false, password: null });
    expect(second.passwordNote).toBe(
      `Tài khoản mẫu do máy may-a tạo lúc 2026-12-03T02:00:00.000Z; mật khẩu chung ghi trong tệp ${a.passwordFile} trên máy đó.`,
    );
    expect(fs.existsSync(b.passwordFile)).toBe(false);
    expect(demoBanner(second).join('\n')).not.toContain('mật khẩu chung:');
    const users = await database.db.selectFrom('app_user').select('username').execute();
    expect(users).toHaveLength(DEMO_USERS.length);

    // The seeding machine restarted: its file still logs in, so it shows it again.
    expect(await seed(a)).toMatchObject({ createdAccounts: false, password: first.password });
  });

  it('shows PHOIHOP_DEMO_PASSWORD on another instance only while it logs in', async () => {
    const first = await seed(on('may-a', { PHOIHOP_DEMO_PASSWORD: 'chung-mot-mat-khau' }));
    expect(first).toMatchObject({ createdAccounts: true, password: 'chung-mot-mat-khau' });
    expect(await seed(on('may-b', { PHOIHOP_DEMO_PASSWORD: 'chung-mot-mat-khau' }))).toMatchObject({
      createdAccounts: false,
      password: 'chung-mot-mat-khau',
    });
    const wrong = await seed(on('may-c', { PHOIHOP_DEMO_PASSWORD: 'mat-khau-khac' }));
    expect(wrong.password).toBeNull();
    expect(wrong.passwordNote).toBe(
      'PHOIHOP_DEMO_PASSWORD của máy này không đăng nhập được tài khoản mẫu (mật khẩu đã đổi hoặc được tạo với mật khẩu khác). ' +
        'Tài khoản mẫu do máy may-a tạo lúc 2026-12-03T02:00:00.000Z, với mật khẩu đặt trong PHOIHOP_DEMO_PASSWORD của máy đó.',
    );
  });
});
