// config → database → migrations → reference data → demo → app → listen → housekeeping, reminders.
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { systemClock } from './access/actor';
import { buildApp, compilePendingSchemas } from './app';
import { copyDiskFilesToDatabase } from './common/files/files.service';
import { ensureReferenceData } from './modules/reference/reference-data';
import { demoBanner, seedDemo } from './modules/demo/demo-seed';
import { startHousekeeping } from './modules/housekeeping/housekeeping.service';
import { startReminders } from './modules/reports/reminders.service';
import type { Clock } from './access/actor';

async function main(): Promise<void> {
  const config = loadConfig();
  // Moved only in test and development runs (PHOIHOP_CLOCK_OFFSET_DAYS, refused in production by config.ts).
  const clock: Clock = config.clockOffsetDays
    ? { now: () => new Date(Date.now() + config.clockOffsetDays * 86_400_000) }
    : systemClock;
  const database = await openDatabase(config);
  const log = (message: string) => process.stdout.write(`${message}\n`);
  log(
    `Cơ sở dữ liệu: ${database.engine === 'pglite' ? `PGlite trong ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
  );
  await migrateToLatest(database.db);
  const { loaded } = await ensureReferenceData(database.db);
  if (loaded.length) log(`Đã nạp dữ liệu tham chiếu: ${loaded.join(', ')}`);
  if (config.fileStore === 'database') {
    const copied = await copyDiskFilesToDatabase(database.db, config.uploadDir);
    if (copied) log(`Đã chép ${copied} tệp tải lên từ ${config.uploadDir} vào cơ sở dữ liệu.`);
  }

  const app = await buildApp({ config, database, clock }, { logger: true });
  if (config.loadDemo) {
    // Under an advisory lock: with several instances on an empty database exactly one seeds.
    for (const line of demoBanner(await seedDemo(database.db, config, clock))) log(line);
  }

  let housekeeping: { stop(): Promise<void> } | null = null;
  let reminders: { stop(): Promise<void> } | null = null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await housekeeping?.stop();
    await reminders?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  // Expired sessions, old login attempts and idempotency keys: one round every few minutes, done
  // by one instance at a time across all instances on the database.
  housekeeping = startHousekeeping(
    { db: database.db, config, clock },
    {
      // Each round's outcome, also when left to another instance ('busy': one is at it, 'recent': one did it).
      onRound: (outcome) =>
        app.log.info(outcome.ran ? { purged: outcome.purged } : { skipped: outcome.reason }, 'housekeeping'),
      onVacuum: (tables, ms) => app.log.info({ tables, ms }, 'vacuum (analyze)'),
      onError: (error) => app.log.error({ err: error }, 'housekeeping failed'),
    },
    // PGlite has no autovacuum (db/maintenance.ts); PostgreSQL's own does this.
    { vacuum: database.engine === 'pglite' },
  );
  // Report reminders before and after each deadline (one instance makes them), then the mail
  // outbox's due mails (every instance sends, each mail claimed by one).
  reminders = startReminders(
    { db: database.db, config, clock },
    {
      onRound: (outcome, delivered) => {
        if (outcome.ran || delivered.sent || delivered.retried || delivered.failed)
          app.log.info({ reminded: outcome.ran ? outcome.result : outcome.reason, mail: delivered }, 'reminders');
      },
      onError: (error) => app.log.error({ err: error }, 'reminders failed'),
    },
  );
  if (config.clockOffsetDays)
    log(`Đồng hồ dời ${config.clockOffsetDays} ngày (PHOIHOP_CLOCK_OFFSET_DAYS, chỉ để thử).`);
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
