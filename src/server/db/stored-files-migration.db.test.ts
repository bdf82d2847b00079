// Migration 2026120201 on a database that still has the three old file shapes, on the test engine
// (PGlite, or PostgreSQL with TEST_DATABASE_URL): the rows move into stored_file, the old tables
// and columns go, and the storage keys (the paths of the bytes on disk) stay as they were.
import crypto from 'node:crypto';
import { Migrator, sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl } from '../../../test/global-setup';
import { testEngine } from '../../../test/test-db';
import { openPglite, openPostgres, type Database } from './database';
import { migrations } from './migrations/index';

let database: Database;
let dropDatabase = async () => {};
let db: Kysely<any>;

async function freshDatabase(): Promise<Database> {
  if (testEngine() === 'pglite') return openPglite();
  const base = process.env.TEST_DATABASE_URL!;
  const name = `phoihop_m_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  dropDatabase = async () => {
    const cleanup = new pg.Client({ connectionString: base });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
  return openPostgres(adminUrl(base, name), 2);
}

const migrator = () => new Migrator({ db, provider: { getMigrations: async () => migrations } });

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db as Kysely<any>;
  const before = await migrator().migrateTo('2026112810-reports');
  expect(before.error).toBeUndefined();
  // Old rows of the three shapes. Their owners are bare rows: the plans, agencies and missions
  // they would point at are not what this test is about, so foreign keys are off while seeding.
  await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await sql`INSERT INTO app_user (user_id, username, display_name, password_hash, role, agency_id)
      VALUES (1, 'nhap.lieu', 'Nhập liệu', 'x', 'data_entry', 1)`.execute(tx);
    await sql`INSERT INTO implementation_record (record_id, plan_activity_id, type, title, start_date, end_date,
        participants_mode, created_at, updated_at)
      VALUES (7, 1, 'training', 'Tập huấn', '2026-03-01', '2026-03-02', 'totals_only', now(), now())`.execute(tx);
    await sql`INSERT INTO recommendation (recommendation_id, mission_id, text, addressee_province_code,
        scope_province_code, due_date, created_at, updated_at)
      VALUES (3, 1, 'Bổ sung sổ theo dõi', '11', '11', '2026-06-30', now(), now())`.execute(tx);
    await sql`INSERT INTO policy_review (policy_review_id, title, kind, review_type, requesting_agency, received_on,
        deadline, plan_activity_id, agency_id, file_name, file_mime_type, file_size_bytes, file_sha256,
        file_storage_key, created_at, updated_at)
      VALUES
        (1, 'Dự thảo Luật', 'law', 'comment', 'Bộ Tư pháp', '2026-03-01', '2026-03-15', 1, 1,
         'góp ý.pdf', 'application/pdf', 1200, 'c3', 'policy-reviews/1/c.pdf', now(),
         '2026-03-10T03:00:00Z'),
        (2, 'Dự thảo Nghị định', 'decree', 'comment', 'Bộ Nội vụ', '2026-03-01', '2026-03-15', 1, 1,
         NULL, NULL, NULL, NULL, NULL, now(), now())`.execute(tx);
    await sql`INSERT INTO record_attachment (attachment_id, record_id, file_name, mime_type, size_bytes, sha256,
        storage_key, created_by, created_at)
      VALUES
        (5, 7, 'ảnh.png', 'image/png', 68, 'a1', 'records/7/a.png', 1, '2026-03-02T01:00:00Z'),
        (6, 7, 'biên bản.pdf', 'application/pdf', 90, 'a2', 'records/7/b.pdf', NULL, '2026-03-02T02:00:00Z')`.execute(
      tx,
    );
    await sql`INSERT INTO recommendation_file (recommendation_file_id, recommendation_id, file_name, mime_type,
        size_bytes, sha256, storage_key, created_by, created_at)
      VALUES (1, 3, 'minh chứng.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        300, 'b1', 'recommendations/3/m.docx', 1, '2026-04-01T00:00:00Z')`.execute(tx);
  });
  const after = await migrator().migrateToLatest();
  expect(after.error).toBeUndefined();
}, 120_000);

afterAll(async () => {
  await database?.close();
  await dropDatabase();
});

const files = () =>
  db
    .selectFrom('stored_file')
    .select([
      'stored_file_id',
      'record_id',
      'recommendation_id',
      'policy_review_id',
      'file_name',
      'mime_type',
      'size_bytes',
      'sha256',
      'storage_key',
      'created_by',
    ])
    .select(sql<string>`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI')`.as('created'))
    .orderBy('stored_file_id')
    .execute();

describe('migration 2026120201: one table for stored files', () => {
  it('moves every old file row into stored_file with its owner, keeping record attachment ids', async () => {
    const rows = await files();
    const none = { record_id: null, recommendation_id: null, policy_review_id: null };
    expect(rows).toEqual([
      {
        ...none,
        stored_file_id: 5,
        record_id: 7,
        file_name: 'ảnh.png',
        mime_type: 'image/png',
        size_bytes: 68,
        sha256: 'a1',
        storage_key: 'records/7/a.png',
        created_by: 1,
        created: '2026-03-02T01:00',
      },
      {
        ...none,
        stored_file_id: 6,
        record_id: 7,
        file_name: 'biên bản.pdf',
        mime_type: 'application/pdf',
        size_bytes: 90,
        sha256: 'a2',
        storage_key: 'records/7/b.pdf',
        created_by: null,
        created: '2026-03-02T02:00',
      },
      {
        ...none,
        stored_file_id: 7,
        recommendation_id: 3,
        file_name: 'minh chứng.docx',
        mime_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size_bytes: 300,
        sha256: 'b1',
        storage_key: 'recommendations/3/m.docx',
        created_by: 1,
        created: '2026-04-01T00:00',
      },
      {
        ...none,
        stored_file_id: 8,
        policy_review_id: 1,
        file_name: 'góp ý.pdf',
        mime_type: 'application/pdf',
        size_bytes: 1200,
        sha256: 'c3',
        storage_key: 'policy-reviews/1/c.pdf',
        created_by: null,
        created: '2026-03-10T03:00',
      },
    ]);
  });

  it('drops the old tables and the file columns of policy_review', async () => {
    const old = await sql<{ t: string | null }>`
      SELECT to_regclass('record_attachment')::text AS t
      UNION ALL SELECT to_regclass('recommendation_file')::text`.execute(db);
    expect(old.rows).toEqual([{ t: null }, { t: null }]);
    const columns = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_name = 'policy_review' AND column_name LIKE 'file%'`.execute(db);
    expect(columns.rows).toEqual([]);
  });

  it('numbers new files after the moved ones and takes exactly one owner per file', async () => {
    const row = await db
      .insertInto('stored_file')
      .values({
        record_id: 7,
        file_name: 'mới.png',
        mime_type: 'image/png',
        size_bytes: 1,
        sha256: 'd',
        storage_key: 'records/7/new.png',
        created_at: new Date(),
      })
      .returning('stored_file_id')
      .executeTakeFirstOrThrow();
    expect(row.stored_file_id).toBe(9);
    const twoOwners = db
      .insertInto('stored_file')
      .values({
        record_id: 7,
        recommendation_id: 3,
        file_name: 'x.png',
        mime_type: 'image/png',
        size_bytes: 1,
        sha256: 'e',
        storage_key: 'records/7/x.png',
        created_at: new Date(),
      })
      .execute();
    await expect(twoOwners).rejects.toThrow(/check/i);
    const secondResponse = db
      .insertInto('stored_file')
      .values({
        policy_review_id: 1,
        file_name: 'y.pdf',
        mime_type: 'application/pdf',
        size_bytes: 1,
        sha256: 'f',
        storage_key: 'policy-reviews/1/y.pdf',
        created_at: new Date(),
      })
      .execute();
    await expect(secondResponse).rejects.toThrow(/unique|duplicate/i);
  });
});
