// Two instances started together on one empty PostgreSQL database: one seeds, one password.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { createTestDatabase, openAnotherPool, type TestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import { accountsOnly, machine, removeMachines } from '../../../../test/demo-seed-fixtures';
import { passwordMatches } from '../auth/auth.service';
import { DEMO_USERS } from './demo-users';
import { seedDemo } from './demo-seed';

let first: TestDatabase;
let second: Database;
const machines = [machine('may-a'), machine('may-b')];
beforeAll(async () => {
  first = await createTestDatabase();
  second = openAnotherPool(first);
});
afterAll(async () => {
  await second.close();
  await first.close();
  removeMachines(machines);
});

describe('demo seeding on several instances', () => {
  it('seeds once: one set of accounts, one password file, one password that logs in', async () => {
    const clock = new TestClock();
    const outcomes = await Promise.all(
      [first, second].map((database, i) =>
        seedDemo(database.db, machines[i]!.config, clock, { host: machines[i]!.host, ...accountsOnly }),
      ),
    );
    const seeder = outcomes.findIndex((o) => o.createdAccounts);
    expect(outcomes.filter((o) => o.createdAccounts)).toHaveLength(1);
    const other = outcomes[1 - seeder]!;
    expect(other.password).toBeNull();
    expect(other.passwordNote).toContain(`máy ${machines[seeder]!.host}`);
    expect(other.passwordNote).toContain(machines[seeder]!.passwordFile);
    expect(machines.map((m) => fs.existsSync(m.passwordFile))).toEqual(machines.map((_, i) => i === seeder));

    const users = await first.db.selectFrom('app_user').select('username').orderBy('username').execute();
    expect(users.map((u) => u.username)).toEqual(DEMO_USERS.map((u) => u.username).sort());
    const password = outcomes[seeder]!.password!;
    expect(fs.readFileSync(machines[seeder]!.passwordFile, 'utf8').trim()).toBe(password);
    expect(await passwordMatches(second.db, 'admin', password)).toBe(true);
  });
});
