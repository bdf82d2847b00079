// One table for every uploaded file: record attachments, recommendation evidence and the policy
// review's response file were three shapes (two tables and five columns on policy_review). Each
// row names exactly one owner by its own column, so a scope check stays "the owner's scope".
// The bytes stay where they are: storage_key is the same path under the upload folder.
// Record attachments keep their ids (their download URLs stay valid); evidence files are renumbered.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE stored_file (
      stored_file_id serial PRIMARY KEY,
      record_id integer REFERENCES implementation_record (record_id) ON DELETE CASCADE,
      recommendation_id integer REFERENCES recommendation (recommendation_id) ON DELETE CASCADE,
      policy_review_id integer UNIQUE REFERENCES policy_review (policy_review_id) ON DELETE CASCADE,
      file_name text NOT NULL,
      mime_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes >= 0),
      sha256 text NOT NULL,
      storage_key text NOT NULL UNIQUE,
      created_by integer REFERENCES app_user (user_id),
      created_at timestamptz NOT NULL,
      CHECK (num_nonnulls(record_id, recommendation_id, policy_review_id) = 1)
    )`,
    sql`CREATE INDEX stored_file_record_idx ON stored_file (record_id)`,
    sql`CREATE INDEX stored_file_recommendation_idx ON stored_file (recommendation_id)`,
    sql`CREATE INDEX stored_file_created_by_idx ON stored_file (created_by)`,

    sql`INSERT INTO stored_file
        (stored_file_id, record_id, file_name, mime_type, size_bytes, sha256, storage_key, created_by, created_at)
      SELECT attachment_id, record_id, file_name, mime_type, size_bytes, sha256, storage_key, created_by, created_at
      FROM record_attachment`,
    sql`SELECT setval(
      pg_get_serial_sequence('stored_file', 'stored_file_id'),
      COALESCE((SELECT max(stored_file_id) FROM stored_file), 0) + 1,
      false
    )`,
    sql`INSERT INTO stored_file
        (recommendation_id, file_name, mime_type, size_bytes, sha256, storage_key, created_by, created_at)
      SELECT recommendation_id, file_name, mime_type, size_bytes, sha256, storage_key, created_by, created_at
      FROM recommendation_file
      ORDER BY recommendation_file_id`,
    // Who uploaded a review's file was not kept; when is approximated by the review's last change.
    sql`INSERT INTO stored_file
        (policy_review_id, file_name, mime_type, size_bytes, sha256, storage_key, created_by, created_at)
      SELECT policy_review_id, file_name, file_mime_type, COALESCE(file_size_bytes, 0), COALESCE(file_sha256, ''),
        file_storage_key, NULL, updated_at
      FROM policy_review
      WHERE file_storage_key IS NOT NULL AND file_name IS NOT NULL AND file_mime_type IS NOT NULL
      ORDER BY policy_review_id`,

    sql`DROP TABLE record_attachment`,
    sql`DROP TABLE recommendation_file`,
    sql`ALTER TABLE policy_review
      DROP COLUMN file_name,
      DROP COLUMN file_mime_type,
      DROP COLUMN file_size_bytes,
      DROP COLUMN file_sha256,
      DROP COLUMN file_storage_key`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
