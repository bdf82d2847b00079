// config → database → migrations → reference data → demo → app → listen.
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { systemClock } from './access/actor';
import { buildApp, compilePendingSchemas } from './app';
import { ensureReferenceData } from './modules/reference/reference-data';
import { DEMO_USERS, demoPassword, ensureDemoUsers } from './modules/demo/demo-users';
import { ensureDemoPlan } from './modules/demo/demo-plan';
import { ensureDemoCurrentYear } from './modules/demo/demo-current-year';
import { ensureDemoMonitoring } from './modules/demo/demo-monitoring';
import { ensureDemoReports } from './modules/demo/demo-reports';
import { ROLE_LABELS } from '../shared/permissions';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const log = (message: string) => process.stdout.write(`${message}\n`);
  log(
    `Cơ sở dữ liệu: ${database.engine === 'pglite' ? `PGlite trong ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  );
  await migrateToLatest(database.db);
  const { loaded } = await ensureReferenceData(database.db);
  if (loaded.length) log(`Đã nạp dữ liệu tham chiếu: ${loaded.join(', ')}`);

  const app = await buildApp({ config, database, clock: systemClock }, { logger: true });
  if (config.loadDemo) {
    const password = demoPassword(config.demoPassword, config.dataDir);
    const created = await ensureDemoUsers(database.db, password, new Date());
    if (created) log('Đã tạo người dùng mẫu.');
    const planId = await ensureDemoPlan(database.db, config, systemClock);
    if (planId) log(`Đã nhập và ban hành kế hoạch mẫu 16/KH-HLHPNVN-UBĐT (số ${planId}).`);
    if (planId) await ensureDemoMonitoring(database.db, config, systemClock, planId);
    const currentId = planId ? await ensureDemoCurrentYear(database.db, config, systemClock, planId) : null;
    if (currentId) log(`Đã lập kế hoạch năm nay (số ${currentId}), phân cho Điện Biên và Lào Cai.`);
    if (planId) await ensureDemoReports(database.db, config, systemClock);
    log('\nNgười dùng mẫu (mật khẩu chung: ' + password + '):');
    for (const user of DEMO_USERS)
      log(`  ${user.username.padEnd(20)} ${ROLE_LABELS[user.role].vi} — ${user.displayName}`);
  }

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  log(`\nPhối hợp đang chạy tại http://localhost:${config.port}  (API: /api, tài liệu API: /api/docs)`);
  // Route schemas are compiled at first use (http/lazy-schemas.ts); the rest now, in the background.
  const compiling = performance.now();
  compilePendingSchemas(app).then(
    (count) => app.log.info({ count, ms: Math.round(performance.now() - compiling) }, 'route schemas compiled'),
    (error: unknown) => app.log.error({ err: error }, 'a route schema does not compile'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Không khởi động được: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
