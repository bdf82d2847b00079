// The only reader of process.env. Everything else receives a Config.
import net from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite in dataDir is used. */
  databaseUrl: string | null;
  /** Connections this instance's pool opens to PostgreSQL (instances × pool ≤ max_connections − reserve). */
  dbPoolSize: number;
  /** Often-used statements sent as named prepared statements (PostgreSQL only; db/prepared-statements.ts). */
  dbPreparedStatements: boolean;
  dataDir: string;
  uploadDir: string;
  /** Where uploaded bytes live: the database (shared by every instance) or the upload folder on this machine. */
  fileStore: FileStoreKind;
  demoPassword: string | null;
  logLevel: string;
  /** Serve the built web app from this folder when it exists. */
  webDir: string;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  /**
   * Login throttling (auth/login-throttle.ts): failures allowed per (account, client address) and per
   * client address before each further attempt waits, the wait doubling up to `maxDelayMinutes`.
   */
  login: { maxFailures: number; addressMaxFailures: number; maxDelayMinutes: number };
  /** Proxies whose X-Forwarded-For is believed (Fastify's trustProxy); empty: the socket's address. */
  trustProxy: string[];
  /**
   * Demo accounts and data on an empty database: only when asked (PHOIHOP_DEMO=1), on by default
   * only for the embedded engine (a trial on one machine); a PostgreSQL server starts empty and
   * its first administrator is made with `npm run create-admin`.
   */
  loadDemo: boolean;
  /** The scheduled purge of expired sessions, old login attempts and old idempotency keys. */
  housekeeping: { everyMinutes: number; idempotencyRetentionHours: number };
  /** Outgoing mail (report reminders); null: reminders stay in the app only. */
  smtp: SmtpConfig | null;
  /**
   * The scheduled report reminders and the mail outbox's sender (reports/reminders.service.ts,
   * mail/mail.service.ts): a round every `everySeconds` on each instance (done once across them); a
   * mail refused by the SMTP server tried again after `mailRetrySeconds`, doubling, at most
   * `mailMaxAttempts` times in all.
   */
  reminders: { everySeconds: number; mailMaxAttempts: number; mailRetrySeconds: number };
  /**
   * Days added to the system clock (PHOIHOP_CLOCK_OFFSET_DAYS, may be negative): a test or a demo
   * run that needs a deadline to come. Refused when NODE_ENV=production.
   */
  clockOffsetDays: number;
  /**
   * Admission control of requests that use the database (http/admission.ts): slots in progress,
   * places in the queue (null: the engine's default) and the longest wait in the queue.
   */
  admission: { maxActive: number | null; maxWaiting: number | null; maxWaitMs: number };
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The server's TLS certificate is verified (STARTTLS or TLS) unless PHOIHOP_SMTP_VERIFY_CERT=0. */
  verifyCertificate: boolean;
  from: string;
}

export type FileStoreKind = 'database' | 'disk';

type Env = Record<string, string | undefined>;

function fileStoreFrom(env: Env): FileStoreKind {
  const raw = env.PHOIHOP_FILE_STORE;
  if (raw === undefined || raw === '') return env.DATABASE_URL ? 'database' : 'disk';
  if (raw === 'database' || raw === 'disk') return raw;
  throw new Error(`PHOIHOP_FILE_STORE must be "database" or "disk", got "${raw}"`);
}

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** Addresses or CIDR ranges (or proxy-addr's names loopback, linklocal, uniquelocal), comma-separated. */
function proxiesFrom(env: Env): string[] {
  const names = new Set(['loopback', 'linklocal', 'uniquelocal']);
  const proxies = (env.PHOIHOP_TRUST_PROXY ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const proxy of proxies) {
    if (!names.has(proxy) && !net.isIP(proxy.split('/')[0]!)) {
      throw new Error(`PHOIHOP_TRUST_PROXY must list proxy addresses, got "${proxy}"`);
    }
  }
  return proxies;
}

function clockOffsetFrom(env: Env): number {
  const raw = env.PHOIHOP_CLOCK_OFFSET_DAYS;
  if (raw === undefined || raw === '') return 0;
  if (env.NODE_ENV === 'production')
    throw new Error('PHOIHOP_CLOCK_OFFSET_DAYS moves the clock for tests only; it is refused when NODE_ENV=production');
  const value = Number(raw);
  if (!Number.isInteger(value) || Math.abs(value) > 3660)
    throw new Error(`PHOIHOP_CLOCK_OFFSET_DAYS must be a whole number of days, got "${raw}"`);
  return value;
}

function optionalIntFrom(env: Env, name: string): number | null {
  const raw = env[name];
  return raw === undefined || raw === '' ? null : intFrom(env, name, 0);
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.PHOIHOP_DATA_DIR || './data');
  return {
    port: intFrom(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    dbPoolSize: Math.max(1, intFrom(env, 'PHOIHOP_DB_POOL_SIZE', 20)),
    dbPreparedStatements: env.PHOIHOP_DB_PREPARED_STATEMENTS !== '0',
    dataDir,
    uploadDir: path.resolve(env.PHOIHOP_UPLOAD_DIR || path.join(dataDir, 'uploads')),
    fileStore: fileStoreFrom(env),
    demoPassword: env.PHOIHOP_DEMO_PASSWORD || null,
    logLevel: env.LOG_LEVEL || 'info',
    webDir: path.resolve(env.PHOIHOP_WEB_DIR || './dist/web'),
    session: {
      idleMinutes: intFrom(env, 'PHOIHOP_SESSION_IDLE_MINUTES', 60),
      absoluteHours: intFrom(env, 'PHOIHOP_SESSION_ABSOLUTE_HOURS', 12),
      secureCookie: env.PHOIHOP_SECURE_COOKIE === '1',
    },
    login: {
      maxFailures: Math.max(1, intFrom(env, 'PHOIHOP_LOGIN_MAX_FAILURES', 5)),
      addressMaxFailures: Math.max(1, intFrom(env, 'PHOIHOP_LOGIN_ADDRESS_MAX_FAILURES', 20)),
      maxDelayMinutes: Math.max(1, intFrom(env, 'PHOIHOP_LOGIN_MAX_DELAY_MINUTES', 15)),
    },
    trustProxy: proxiesFrom(env),
    loadDemo: env.PHOIHOP_DEMO ? env.PHOIHOP_DEMO === '1' : !env.DATABASE_URL,
    housekeeping: {
      everyMinutes: Math.max(1, intFrom(env, 'PHOIHOP_HOUSEKEEPING_MINUTES', 5)),
      // Longer than the 7 days a device may stay offline (SPEC): a create sent just before going
      // offline and retried when back must still find its key.
      idempotencyRetentionHours: intFrom(env, 'PHOIHOP_IDEMPOTENCY_RETENTION_HOURS', 14 * 24),
    },
    smtp: env.PHOIHOP_SMTP_HOST
      ? {
          host: env.PHOIHOP_SMTP_HOST,
          port: intFrom(env, 'PHOIHOP_SMTP_PORT', 587),
          secure: env.PHOIHOP_SMTP_SECURE === '1',
          user: env.PHOIHOP_SMTP_USER || null,
          password: env.PHOIHOP_SMTP_PASSWORD || null,
          verifyCertificate: env.PHOIHOP_SMTP_VERIFY_CERT !== '0',
          from: env.PHOIHOP_SMTP_FROM || 'Phối hợp <no-reply@localhost>',
        }
      : null,
    reminders: {
      everySeconds: Math.max(1, intFrom(env, 'PHOIHOP_REMINDERS_SECONDS', 600)),
      mailMaxAttempts: Math.max(1, intFrom(env, 'PHOIHOP_MAIL_MAX_ATTEMPTS', 6)),
      mailRetrySeconds: Math.max(1, intFrom(env, 'PHOIHOP_MAIL_RETRY_SECONDS', 300)),
    },
    clockOffsetDays: clockOffsetFrom(env),
    admission: {
      maxActive: optionalIntFrom(env, 'PHOIHOP_DB_MAX_ACTIVE'),
      maxWaiting: optionalIntFrom(env, 'PHOIHOP_DB_MAX_WAITING'),
      maxWaitMs: intFrom(env, 'PHOIHOP_DB_MAX_WAIT_MS', 5000),
    },
  };
}
