// Signed and numbered. A sign-off records who signed for the agency as printed (name, position,
// authority line such as "KT. CHỦ TỊCH"). Each agency keeps a document register per calendar year:
// `document_register` holds the last number given, `document_number` every number used, so a
// number is never given twice (the plan's number is taken from its lead agency's register at issue).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE plan_issuer
    ADD COLUMN signer_name text,
    ADD COLUMN signer_position text,
    ADD COLUMN signer_authority text`.execute(db);
  await sql`CREATE TABLE document_register (
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    year smallint NOT NULL,
    last_number integer NOT NULL CHECK (last_number >= 0),
    PRIMARY KEY (agency_id, year)
  )`.execute(db);
  await sql`CREATE TABLE document_number (
    agency_id integer NOT NULL REFERENCES agency (agency_id),
    year smallint NOT NULL,
    seq integer NOT NULL CHECK (seq > 0),
    number text NOT NULL,
    plan_id integer REFERENCES plan (plan_id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (agency_id, year, seq)
  )`.execute(db);
  // Plans issued before the register: their numbers are taken, and the register continues after them.
  await sql`INSERT INTO document_number (agency_id, year, seq, number, plan_id, created_at)
    SELECT DISTINCT ON (i.agency_id, EXTRACT(YEAR FROM p.issued_on)::smallint, substring(p.number from '^[0-9]+')::integer)
      i.agency_id, EXTRACT(YEAR FROM p.issued_on)::smallint, substring(p.number from '^[0-9]+')::integer,
      p.number, p.plan_id, now()
    FROM plan p JOIN plan_issuer i ON i.plan_id = p.plan_id AND i.position = 0
    WHERE p.status IN ('issued', 'closed') AND p.issued_on IS NOT NULL AND p.number ~ '^[0-9]+/' AND substring(p.number from '^[0-9]+')::bigint BETWEEN 1 AND 2000000000
    ORDER BY 1, 2, 3, p.plan_id`.execute(db);
  await sql`INSERT INTO document_register (agency_id, year, last_number)
    SELECT agency_id, year, max(seq) FROM document_number GROUP BY agency_id, year`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are append-only');
}
