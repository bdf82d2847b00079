// Scheduled housekeeping, done once across every app instance on one database: expired and idle
// sessions, login throttle counters whose failures are forgotten, idempotency keys older than their
// retention. Each instance ticks every `housekeeping.everyMinutes`; a round runs in one transaction
// under an advisory lock (an instance finding it taken skips: another is doing the round) and only
// when no instance has done one in the last half interval (scheduled_job_run), so the work is done
// about once per interval whatever the number of instances. Each module purges its own tables
// through its service; this module only schedules.
import type { Clock } from '../../access/actor';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/database';
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

/** A scheduled job's round: what it did, or why it left it to another instance. */
export type JobOutcome<T> = { ran: true; result: T } | { ran: false; reason: 'busy' | 'recent' };

/**
 * Runs `work` in one transaction as scheduled job `job`, once across every instance on the database:
 * under the advisory lock `lockKey` (taken: 'busy', another instance is at it) and only when no
 * instance ran it in the last `minGapMs` ('recent'); the run is recorded in scheduled_job_run in
 * the same transaction. Other modules' jobs (reports' reminders) are run through this too.
 */
export async function runScheduledJob<T>(
  db: Db,
  job: { name: string; lockKey: number; minGapMs: number; now: Date },
  work: (tx: Queryable) => Promise<T>,
): Promise<JobOutcome<T>> {
  return newTransaction(db, async (tx): Promise<JobOutcome<T>> => {
    if (!(await tryTransactionLock(tx, job.lockKey))) return { ran: false, reason: 'busy' };
    // Read after taking the lock: a round another instance committed meanwhile is seen here.
    const last = await repo.lastRun(tx, job.name);
    if (last && job.now.getTime() - last.getTime() < job.minGapMs) return { ran: false, reason: 'recent' };
    const result = await work(tx);
    await repo.recordRun(tx, job.name, job.now);
    return { ran: true, result };
  });
}

/**
 * Calls `round` now and then `everyMs` after each one ends, until stopped; `round` reports its own
 * errors (a failed round does not stop the next).
 */
export function repeatEvery(everyMs: number, round: () => Promise<void>): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = round();
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, everyMs);
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

/** One housekeeping round at the deps' clock time. */
export async function runHousekeepingRound(deps: HousekeepingDeps): Promise<RoundOutcome> {
  const { config } = deps;
  const now = deps.clock.now();
  const outcome = await runScheduledJob(
    deps.db,
    {
      name: JOB,
      lockKey: ADVISORY_LOCKS.housekeeping,
      minGapMs: (config.housekeeping.everyMinutes * 60_000) / 2,
      now,
    },
    async (tx): Promise<Purged> => {
      const auth = await purgeDeadSessionsAndAttempts(tx, config, now);
      const idempotencyKeys = await purgeIdempotencyKeys(
        tx,
        new Date(now.getTime() - config.housekeeping.idempotencyRetentionHours * 3_600_000),
      );
      return { ...auth, idempotencyKeys };
    },
  );
  return outcome.ran ? { ran: true, purged: outcome.result } : outcome;
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
  return repeatEvery(deps.config.housekeeping.everyMinutes * 60_000, () =>
    runHousekeepingRound(deps)
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
      .catch((error: unknown) => report.onError(error)),
  );
}
