// The only reader of process.env. Everything else receives a Config.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite in dataDir is used. */
  databaseUrl: string | null;
  dataDir: string;
  uploadDir: string;
  demoPassword: string | null;
  logLevel: string;
  /** Serve the built web app from this folder when it exists. */
  webDir: string;
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  login: { maxFailures: number; windowMinutes: number };
  loadDemo: boolean;
  /** Outgoing mail (report reminders); null: reminders stay in the app only. */
  smtp: SmtpConfig | null;
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
  from: string;
}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
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
    dataDir,
    uploadDir: path.resolve(env.PHOIHOP_UPLOAD_DIR || path.join(dataDir, 'uploads')),
    demoPassword: env.PHOIHOP_DEMO_PASSWORD || null,
    logLevel: env.LOG_LEVEL || 'info',
    webDir: path.resolve(env.PHOIHOP_WEB_DIR || './dist/web'),
    session: {
      idleMinutes: intFrom(env, 'PHOIHOP_SESSION_IDLE_MINUTES', 60),
      absoluteHours: intFrom(env, 'PHOIHOP_SESSION_ABSOLUTE_HOURS', 12),
      secureCookie: env.PHOIHOP_SECURE_COOKIE === '1',
    },
    login: {
      maxFailures: intFrom(env, 'PHOIHOP_LOGIN_MAX_FAILURES', 5),
      windowMinutes: intFrom(env, 'PHOIHOP_LOGIN_WINDOW_MINUTES', 15),
    },
    loadDemo: env.PHOIHOP_DEMO !== '0',
    smtp: env.PHOIHOP_SMTP_HOST
      ? {
          host: env.PHOIHOP_SMTP_HOST,
          port: intFrom(env, 'PHOIHOP_SMTP_PORT', 587),
          secure: env.PHOIHOP_SMTP_SECURE === '1',
          user: env.PHOIHOP_SMTP_USER || null,
          password: env.PHOIHOP_SMTP_PASSWORD || null,
          from: env.PHOIHOP_SMTP_FROM || 'Phối hợp <no-reply@localhost>',
        }
      : null,
    admission: {
      maxActive: optionalIntFrom(env, 'PHOIHOP_DB_MAX_ACTIVE'),
      maxWaiting: optionalIntFrom(env, 'PHOIHOP_DB_MAX_WAITING'),
      maxWaitMs: intFrom(env, 'PHOIHOP_DB_MAX_WAIT_MS', 5000),
    },
  };
}
