// All SQL for scheduled_job_run: when each scheduled job last ran, on any instance.
import type { Queryable } from '../../db/database';

export async function lastRun(db: Queryable, job: string): Promise<Date | null> {
  const row = await db.selectFrom('scheduled_job_run').select('last_run_at').where('job', '=', job).executeTakeFirst();
  return row ? new Date(row.last_run_at) : null;
}

export async function recordRun(db: Queryable, job: string, at: Date): Promise<void> {
  await db
    .insertInto('scheduled_job_run')
    .values({ job, last_run_at: at })
    .onConflict((oc) => oc.column('job').doUpdateSet({ last_run_at: at }))
    .execute();
}
