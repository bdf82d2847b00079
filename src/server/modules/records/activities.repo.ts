// All SQL for activity status: the activities of the plans the actor can see, with the count and
// participants of the records the actor can see, and the lead agency's completion mark.
import { sql } from 'kysely';
import type { Actor } from '../../access/actor';
import { planScope } from '../../access/scope';
import type { Queryable } from '../../db/database';
import { recordScope } from './records.repo';
import { foldVietnamese } from '../../../shared/text';

export interface ActivityFilter {
  id?: number;
  plan?: number;
  province?: string;
  agency?: number;
  section?: string;
  year?: number;
  /** Words of the activity's number or title, without diacritics. */
  q?: string;
}

export async function listActivities(db: Queryable, actor: Actor, filter: ActivityFilter) {
  let query = db
    .selectFrom('plan_activity as a')
    .innerJoin('plan as p', 'p.plan_id', 'a.plan_id')
    .leftJoin('activity_completion as c', 'c.plan_activity_id', 'a.plan_activity_id')
    .leftJoin('app_user as cu', 'cu.user_id', 'c.completed_by')
    .where('a.removed', '=', false);
  query = query.where((eb) => planScope(eb, 'p.kind', 'p.province_code', actor));
  if (filter.id) query = query.where('a.plan_activity_id', '=', filter.id);
  if (filter.plan) query = query.where('a.plan_id', '=', filter.plan);
  if (filter.province) query = query.where('p.province_code', '=', filter.province);
  if (filter.agency) query = query.where('a.lead_agency_id', '=', filter.agency);
  if (filter.section) query = query.where('a.section_key', '=', filter.section);
  if (filter.year) query = query.where('p.year', '=', filter.year);
  if (filter.q) {
    const words = `%${foldVietnamese(filter.q)}%`;
    query = query.where(
      foldedSql(sql<string>`a.section_number || '.' || (a.position + 1) || ' ' || a.title`),
      'like',
      words,
    );
  }
  const totals = db
    .selectFrom('implementation_record as r')
    .select([
      'r.plan_activity_id',
      (eb) => eb.fn.countAll<string>().as('record_count'),
      sql<string>`coalesce(sum(r.total_participants), 0)`.as('participants'),
      sql<string>`coalesce(sum(r.female_participants), 0)`.as('female_participants'),
    ])
    .where('r.deleted_at', 'is', null)
    .where((eb) => recordScope(eb, actor))
    .groupBy('r.plan_activity_id');
  return query
    .leftJoin(totals.as('t'), 't.plan_activity_id', 'a.plan_activity_id')
    .select([
      'a.plan_activity_id',
      'a.activity_key',
      'a.title',
      'a.section_key',
      'a.section_number',
      'a.section_title',
      'a.position',
      'a.timeframe_start',
      'a.timeframe_end',
      'a.lead_agency_id',
      'a.level',
      'p.plan_id',
      'p.kind as plan_kind',
      'p.year as plan_year',
      'p.number as plan_number',
      'p.title as plan_title',
      'p.status as plan_status',
      'p.province_code as plan_province_code',
      'c.completed_on',
      'c.note as completion_note',
      'cu.display_name as completed_by_name',
      't.record_count',
      't.participants',
      't.female_participants',
    ])
    .orderBy('p.year', 'desc')
    .orderBy('p.kind')
    .orderBy('p.province_code')
    .orderBy('p.plan_id')
    .orderBy(sql`length(a.section_number)`)
    .orderBy('a.section_number')
    .orderBy('a.position')
    .orderBy('a.plan_activity_id')
    .execute();
}
export type ActivityListRow = Awaited<ReturnType<typeof listActivities>>[number];

export async function insertCompletion(
  db: Queryable,
  c: { activityId: number; completedOn: string; userId: number; note: string | null },
): Promise<boolean> {
  const row = await db
    .insertInto('activity_completion')
    .values({ plan_activity_id: c.activityId, completed_on: c.completedOn, completed_by: c.userId, note: c.note })
    .onConflict((oc) => oc.column('plan_activity_id').doNothing())
    .returning('plan_activity_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteCompletion(db: Queryable, activityId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('activity_completion')
    .where('plan_activity_id', '=', activityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// Vietnamese letters with their marks, upper and lower case, and the plain letter each folds to:
// the same folding as foldVietnamese, in SQL that runs alike on PGlite and PostgreSQL (whose
// lower() leaves non-ASCII letters alone under the C locale). plan_activity keeps no search column.
const MARKED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const PLAIN = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

function foldedSql(text: ReturnType<typeof sql<string>>) {
  return sql<string>`translate(lower(translate(${text}, ${MARKED.toUpperCase()}, ${PLAIN})), ${MARKED}, ${PLAIN})`;
}
