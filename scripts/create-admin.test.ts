// `npm run create-admin` as an operator runs it: a real process on an embedded data directory, the
// password on standard input; then the account is read back from that directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/database';
import { passwordMatches } from '../src/server/modules/auth/auth.service';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-create-admin-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function createAdmin(args: string[], stdin: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PHOIHOP_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', ...args], {
    cwd: repoRoot,
    env,
    input: stdin,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('npm run create-admin', () => {
  it('refuses a short or common password before touching the database, naming the field', { timeout: 60_000 }, () => {
    const short = createAdmin(['--username=quantri', '--name=Nguyễn Văn An'], 'ngan\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('password: Mật khẩu: ít nhất 8 ký tự');
    const common = createAdmin(['--username=quantri', '--name=Nguyễn Văn An'], '12345678\n');
    expect(common.status).toBe(1);
    expect(common.stderr).toContain('password: Mật khẩu');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('creates the first administrator, who can log in; a second run refuses', { timeout: 240_000 }, async () => {
    const first = createAdmin(['--username=QuanTri', '--name=Nguyễn Văn An', '--agency=UBDT'], 'Mây-trắng-Pha-Đin-9\n');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Đã tạo quản trị viên quantri');
    const again = createAdmin(['--username=quantri2', '--name=Người thứ hai'], 'Mây-trắng-Pha-Đin-9\n');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Đã có quản trị viên (quantri)');

    const database = await openDatabase({ databaseUrl: null, dataDir, dbPoolSize: 1 });
    try {
      const users = await database.db
        .selectFrom('app_user')
        .innerJoin('agency', 'agency.agency_id', 'app_user.agency_id')
        .select(['username', 'role', 'national_scope', 'code'])
        .execute();
      expect(users).toEqual([{ username: 'quantri', role: 'admin', national_scope: true, code: 'UBDT' }]);
      expect(await passwordMatches(database.db, 'quantri', 'Mây-trắng-Pha-Đin-9')).toBe(true);
      const audit = await database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_type', 'actor_user_id'])
        .where('entity_type', '=', 'user')
        .execute();
      expect(audit).toEqual([{ action: 'create', entity_type: 'user', actor_user_id: null }]);
    } finally {
      await database.close();
    }
  });
});
