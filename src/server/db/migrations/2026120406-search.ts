// Search everywhere (issue 17): every searched table keeps a folded `search_text` written by the
// app with shared/text.ts foldVietnamese (đ → d included), and a trigram index on it (pg_trgm:
// PGlite loads the extension in db/database.ts, PostgreSQL ships it in contrib and trusts it), so
// `search_text LIKE '%word%'` is an index scan and word_similarity ranks. Plan activities had no
// search column (their list folded the title on the fly): they get one, filled here with the same
// folding in SQL that activities.repo.ts used, and kept by plans.repo.ts from now on.
import { sql, type Kysely } from 'kysely';

const MARKED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const PLAIN = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`ALTER TABLE plan_activity ADD COLUMN search_text text NOT NULL DEFAULT ''`.execute(db);
  const label = sql`a.section_number || '.' || (a.position + 1) || ' ' || a.title`;
  await sql`UPDATE plan_activity a SET search_text = btrim(regexp_replace(
    translate(lower(translate(${label}, ${MARKED.toUpperCase()}, ${PLAIN})), ${MARKED}, ${PLAIN}),
    '\s+', ' ', 'g'))`.execute(db);
  for (const table of [
    'plan',
    'plan_activity',
    'implementation_record',
    'community_model',
    'mission',
    'policy_review',
    'app_user',
    'agency_name',
  ]) {
    await sql`CREATE INDEX ${sql.raw(`${table}_search_trgm_idx`)} ON ${sql.table(table)}
      USING gin (search_text gin_trgm_ops)`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
