// The demo at start (main.ts), once for every instance on one database: seeding runs under an
// advisory lock, so when several instances start together on an empty database exactly one creates
// the accounts (and the plans, missions and reports after them) while the others wait, then find
// them there. Only the instance that creates the accounts chooses their password (PHOIHOP_DEMO_PASSWORD,
// else the demo-password.txt of its data folder, else a new one written there) and records where it
// came from in demo_seed. An instance that finds the accounts never invents one: it shows a password
// only when it can check that it logs in (its PHOIHOP_DEMO_PASSWORD or its own demo-password.txt,
// tried on the admin account); otherwise it says where the seeding instance put it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../../access/actor';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { ADVISORY_LOCKS, withSessionLock } from '../../db/advisory-locks';
import { ROLE_LABELS } from '../../../shared/permissions';
import { passwordMatches } from '../auth/auth.service';
import { DEMO_USERS, ensureDemoUsers } from './demo-users';
import { ensureDemoPlan } from './demo-plan';
import { ensureDemoCurrentYear } from './demo-current-year';
import { ensureDemoMonitoring } from './demo-monitoring';
import { ensureDemoReports } from './demo-reports';
import * as repo from './demo.repo';
import { newTransaction } from '../../db/transaction';

/** The account a candidate password is checked on. */
const CHECKED_ACCOUNT = 'admin';

export interface DemoOutcome {
  /** This instance created the demo accounts. */
  createdAccounts: boolean;
  /** The shared demo password, only when it is known to log in. */
  password: string | null;
  /** Where the password is, when this instance cannot show it (Vietnamese, for the start log). */
  passwordNote: string | null;
  /** What else was seeded, one line each. */
  lines: string[];
}

export interface DemoSeedOptions {
  /** The name recorded for the instance that seeds (the machine's host name). */
  host?: string;
  /** What is seeded after the accounts (the plans, monitoring and reports of the demo). */
  content?: (db: Db, config: Config, clock: Clock) => Promise<string[]>;
}

const passwordFileOf = (dataDir: string) => path.join(dataDir, 'demo-password.txt');

function readPasswordFile(dataDir: string): string | null {
  const file = passwordFileOf(dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || null : null;
}

/** The plans of 2022 and this year, a mission, registers, a budget and reports (each once). */
export async function demoContent(db: Db, config: Config, clock: Clock): Promise<string[]> {
  const lines: string[] = [];
  const planId = await ensureDemoPlan(db, config, clock);
  if (planId) lines.push(`Đã nhập và ban hành kế hoạch mẫu 16/KH-HLHPNVN-UBĐT (số ${planId}).`);
  if (planId) await ensureDemoMonitoring(db, config, clock, planId);
  const currentId = planId ? await ensureDemoCurrentYear(db, config, clock, planId) : null;
  if (currentId) lines.push(`Đã lập kế hoạch năm nay (số ${currentId}), phân cho Điện Biên và Lào Cai.`);
  if (planId) await ensureDemoReports(db, config, clock);
  return lines;
}

export async function seedDemo(
  db: Db,
  config: Config,
  clock: Clock,
  options: DemoSeedOptions = {},
): Promise<DemoOutcome> {
  const content = options.content ?? demoContent;
  return withSessionLock(db, ADVISORY_LOCKS.demoSeed, async (conn) => {
    if (!(await repo.anyUser(conn))) {
      const fromFile = config.demoPassword ? null : readPasswordFile(config.dataDir);
      const password = config.demoPassword ?? fromFile ?? crypto.randomBytes(9).toString('base64url');
      if (!config.demoPassword && !fromFile) {
        fs.mkdirSync(config.dataDir, { recursive: true });
        fs.writeFileSync(passwordFileOf(config.dataDir), `${password}\n`, { mode: 0o600 });
      }
      const now = clock.now();
      await newTransaction(conn, async (tx) => {
        await ensureDemoUsers(tx, password, now);
        await repo.insertSeed(tx, {
          seededAt: now,
          host: options.host ?? os.hostname(),
          passwordSource: config.demoPassword ? 'env' : 'file',
          passwordFile: config.demoPassword ? null : passwordFileOf(config.dataDir),
        });
      });
      return { createdAccounts: true, password, passwordNote: null, lines: await content(conn, config, clock) };
    }
    const lines = await content(conn, config, clock);
    for (const candidate of [config.demoPassword, readPasswordFile(config.dataDir)]) {
      if (candidate && (await passwordMatches(conn, CHECKED_ACCOUNT, candidate)))
        return { createdAccounts: false, password: candidate, passwordNote: null, lines };
    }
    return { createdAccounts: false, password: null, passwordNote: await whereThePasswordIs(conn, config), lines };
  });
}

async function whereThePasswordIs(db: Db, config: Config): Promise<string> {
  const seed = await repo.findSeed(db);
  const mismatch = config.demoPassword
    ? 'PHOIHOP_DEMO_PASSWORD của máy này không đăng nhập được tài khoản mẫu (mật khẩu đã đổi hoặc được tạo với mật khẩu khác). '
    : '';
  if (!seed) return `${mismatch}Tài khoản mẫu đã có sẵn trong cơ sở dữ liệu; máy này không biết mật khẩu của chúng.`;
  const when = seed.seededAt.toISOString();
  if (seed.passwordSource === 'env')
    return `${mismatch}Tài khoản mẫu do máy ${seed.host} tạo lúc ${when}, với mật khẩu đặt trong PHOIHOP_DEMO_PASSWORD của máy đó.`;
  return `${mismatch}Tài khoản mẫu do máy ${seed.host} tạo lúc ${when}; mật khẩu chung ghi trong tệp ${seed.passwordFile} trên máy đó.`;
}

/** The start log's lines about the demo: what was seeded, the password or where it is, the accounts. */
export function demoBanner(outcome: DemoOutcome): string[] {
  const lines = [...(outcome.createdAccounts ? ['Đã tạo người dùng mẫu.'] : []), ...outcome.lines];
  lines.push(
    outcome.password
      ? `\nNgười dùng mẫu (mật khẩu chung: ${outcome.password}):`
      : `\n${outcome.passwordNote}\nNgười dùng mẫu:`,
  );
  for (const user of DEMO_USERS)
    lines.push(`  ${user.username.padEnd(20)} ${ROLE_LABELS[user.role].vi} — ${user.displayName}`);
  return lines;
}
