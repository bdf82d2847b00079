// Scheduled housekeeping, done once across every app instance on one database: expired and idle
// sessions, login throttle counters whose failures are forgotten, idempotency keys older than their
// retention. Each instance ticks every `housekeeping.everyMinutes`; a round runs in one transaction
// under an advisory lock (an instance finding it taken skips: another is doing the round) and only
// when no instance has done one in the last half interval (scheduled_job_run), so the work is done
// about once per interval whatever the number of instances. Each module purges its own tables
// through its service; this module only schedules.
import type { Clock } from '../../access/actor';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { ADVISORY_LOCKS, tryTransactionLock } from '../../db/advisory-locks';
import { purgeIdempotencyKeys } from '../../http/idempotency';
import { purgeDeadSessionsAndAttempts } from '../auth/auth.service';
import * as repo from './housekeeping.repo';
import { newTransaction } from '../../db/transaction';
import { vacuumWhereNeeded } from '../../db/maintenance';

const JOB = 'housekeeping';

export interface HousekeepingDeps {
  db: Db;
  config: Pick<Config, 'session' | 'housekeeping'>;
  clock: Clock;
}

export interface Purged {
  sessions: number;
  loginAttempts: number;
  idempotencyKeys: number;
}

/** What one round did: the purge, or why it left it to another instance. */
export type RoundOutcome = { ran: true; purged: Purged } | { ran: false; reason: 'busy' | 'recent' };

/** One housekeeping round at the deps' clock time. */
export async function runHousekeepingRound(deps: HousekeepingDeps): Promise<RoundOutcome> {
  const { config } = deps;
  const now = deps.clock.now();
  const minGapMs = (config.housekeeping.everyMinutes * 60_000) / 2;
  return newTransaction(deps.db, async (tx): Promise<RoundOutcome> => {
    if (!(await tryTransactionLock(tx, ADVISORY_LOCKS.housekeeping))) return { ran: false, reason: 'busy' };
    // Read after taking the lock: a round another instance committed meanwhile is seen here.
    const last = await repo.lastRun(tx, JOB);
    if (last && now.getTime() - last.getTime() < minGapMs) return { ran: false, reason: 'recent' };
    const auth = await purgeDeadSessionsAndAttempts(tx, config, now);
    const idempotencyKeys = await purgeIdempotencyKeys(
      tx,
      new Date(now.getTime() - config.housekeeping.idempotencyRetentionHours * 3_600_000),
    );
    await repo.recordRun(tx, JOB, now);
    return { ran: true, purged: { ...auth, idempotencyKeys } };
  });
}

export interface Scheduler {
  /** Stops the timer and waits for a round under way. */
  stop(): Promise<void>;
}

export interface HousekeepingReport {
  onRound?: (outcome: RoundOutcome) => void;
  /** The tables `vacuumWhereNeeded` vacuumed and analyzed after the round (PGlite only). */
  onVacuum?: (tables: string[], ms: number) => void;
  onError: (error: unknown) => void;
}

/**
 * Runs a round now and then every `housekeeping.everyMinutes` until stopped (main.ts). A failed
 * round is reported to `onError` and the next one runs as planned. With `vacuum` (PGlite, which
 * has no autovacuum: db/maintenance.ts) each round is followed by the VACUUM (ANALYZE) of the tables
 * that need it, on this instance whether or not it did the round (it is the only one on its engine).
 */
export function startHousekeeping(
  deps: HousekeepingDeps,
  report: HousekeepingReport,
  options: { vacuum?: boolean } = {},
): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = runHousekeepingRound(deps)
      .then(
        (outcome) => report.onRound?.(outcome),
        (error: unknown) => report.onError(error),
      )
      .then(async () => {
        if (!options.vacuum) return;
        const started = performance.now();
        const tables = await vacuumWhereNeeded(deps.db);
        if (tables.length) report.onVacuum?.(tables, Math.round(performance.now() - started));
      })
      .catch((error: unknown) => report.onError(error));
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, deps.config.housekeeping.everyMinutes * 60_000);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
