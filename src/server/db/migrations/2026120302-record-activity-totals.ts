// The activity list and the overview read an activity's live records by their activity and the
// reader's province scope: whether it has any (its status) and their count and participants (for
// the activities of one page). One partial index answers both without visiting the table (an
// index-only scan): the activity, then the province the scope tests, carrying the two sums.
// Without it PostgreSQL tested "has a record" by a sequential scan per activity.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX implementation_record_activity_live_idx
    ON implementation_record (plan_activity_id, province_code)
    INCLUDE (total_participants, female_participants)
    WHERE deleted_at IS NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
