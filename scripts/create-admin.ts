// npm run create-admin -- --username=<tên> --name="<Họ tên>" [--agency=HLHPN]
// Creates the first administrator on the configured database (DATABASE_URL, or the embedded one in
// PHOIHOP_DATA_DIR — stop the server first: one process at a time opens an embedded data directory).
// The password is asked for on the terminal (not shown), or read from the first line of standard
// input when it is not a terminal: `printf '%s\n' "$PW" | npm run create-admin -- …`. Never an
// argument or a variable of the environment, which other users of the machine can read.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { ensureReferenceData } from '../src/server/modules/reference/reference-data';
import { checkFirstAdmin, createFirstAdmin, FirstAdminError } from '../src/server/modules/users/first-admin';

async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const rl = readline.createInterface({ input });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      let typed = '';
      input.setRawMode(true);
      input.resume();
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            input.setRawMode(false);
            input.pause();
            input.off('data', onData);
            process.stdout.write('\n');
            return resolve(typed);
          }
          if (ch === '\u0003') process.exit(130);
          typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
        }
      };
      input.on('data', onData);
    });
  const first = await ask('Mật khẩu: ');
  if ((await ask('Nhập lại mật khẩu: ')) !== first) throw new FirstAdminError('password', 'Hai lần nhập không khớp.');
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string', default: 'HLHPN' } },
  });
  if (!values.username || !values.name) {
    throw new FirstAdminError(
      null,
      'Cần --username=<tên đăng nhập> và --name="<Họ tên>" (tùy chọn --agency=<mã cơ quan>).',
    );
  }
  const input = checkFirstAdmin({
    username: values.username,
    displayName: values.name,
    password: await readPassword(),
    agencyCode: values.agency,
  });
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    await ensureReferenceData(database.db);
    await createFirstAdmin(database.db, input, new Date());
    process.stdout.write(`Đã tạo quản trị viên ${input.username}. Đăng nhập trong trình duyệt.\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof FirstAdminError
      ? `${error.field ? `${error.field}: ` : ''}${error.message}`
      : String(error instanceof Error ? error.stack : error);
  process.stderr.write(`Không tạo được quản trị viên. ${message}\n`);
  process.exit(1);
});
