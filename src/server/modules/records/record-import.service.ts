// Bulk entry: every row is read and checked like a single create (same rules, same scope); the
// report names each rejected row's sheet, row and column. All-or-nothing per file unless the
// caller accepts the valid rows. Runs in one transaction (joining an idempotent request's).
import type { ServiceContext } from '../../access/actor';
import { AppError } from '../../http/errors';
import { inTransaction } from '../../db/transaction';
import { foldVietnamese } from '../../../shared/text';
import { activityChoices } from './activities.service';
import { prepareRecord, type PreparedRecord } from './record-input';
import {
  parseParticipants,
  parseRecord,
  readImportFile,
  type Lookups,
  type ParsedRecord,
  type Rejection,
} from './record-import-parse';
import {
  PARTICIPANT_COLUMNS,
  PARTICIPANT_SHEET,
  RECORD_COLUMNS,
  RECORD_SHEET,
  renderImportTemplate,
  type ParticipantColumn,
  type RecordColumn,
} from './record-import-template';
import { insertPrepared } from './records.service';
import { recordModelInput } from './record-model';
import { modelTypesByKey } from '../registry/model-import.service';
import type { Queryable } from '../../db/database';
import type { CreateRecordBody } from './records.schemas';

export interface ImportResult {
  accepted: number;
  rejected: Rejection[];
  created: number[];
}

async function lookups(db: Queryable, agencyCodes: string[]): Promise<Lookups> {
  const codes = [...new Set(agencyCodes.map((c) => c.toUpperCase()))];
  const agencies = codes.length
    ? await db.selectFrom('agency').select(['agency_id', 'code']).where('code', 'in', codes).orderBy('code').execute()
    : [];
  const groups = await db
    .selectFrom('ethnic_group')
    .select(['ethnic_group_id', 'code_2008', 'name', 'other_names'])
    .orderBy('ethnic_group_id')
    .execute();
  const ethnicByKey = new Map<string, number>();
  for (const g of groups) {
    for (const alias of g.other_names) ethnicByKey.set(foldVietnamese(alias), g.ethnic_group_id);
    ethnicByKey.set(foldVietnamese(g.name), g.ethnic_group_id);
    ethnicByKey.set(String(Number(g.code_2008)), g.ethnic_group_id);
  }
  return {
    agencyByCode: new Map(agencies.map((a) => [a.code.toUpperCase(), a.agency_id])),
    ethnicByKey,
    modelTypeByKey: await modelTypesByKey(db),
  };
}

const BODY_COLUMNS: [string, RecordColumn][] = [
  ['planActivityId', 'activity'],
  ['type', 'type'],
  ['title', 'title'],
  ['startDate', 'startDate'],
  ['endDate', 'endDate'],
  ['place', 'placeCode'],
  ['village', 'village'],
  ['organiserAgencyId', 'organiser'],
  ['partnerAgencyIds', 'organiser'],
  ['description', 'description'],
  ['participants.totalParticipants', 'total'],
  ['participants.femaleParticipants', 'female'],
  ['model.name', 'modelName'],
  ['model.communeCode', 'placeCode'],
  ['model.village', 'village'],
  ['model.foundedOn', 'startDate'],
  ['model', 'modelType'],
];
const ROW_COLUMNS: [string, ParticipantColumn][] = [
  ['sex', 'sex'],
  ['ethnicGroupId', 'ethnic'],
  ['targetGroup', 'targetGroup'],
  ['ageBand', 'ageBand'],
  ['count', 'count'],
];

/** Where a service error about a row points: the column of the body field it names. */
function rejection(error: AppError, parsed: ParsedRecord): Rejection {
  const field = error.field ?? '';
  const detail = /^participants\.rows\.(\d+)\.?(\w*)/.exec(field);
  if (detail) {
    const column = ROW_COLUMNS.find(([f]) => f === detail[2])?.[1] ?? 'ref';
    const row = parsed.participantRows[Number(detail[1])] ?? parsed.row;
    return { row, sheet: PARTICIPANT_SHEET, field: PARTICIPANT_COLUMNS[column], message: error.message };
  }
  // Out of scope is about the place; an activity that is not found, about the activity.
  const column: RecordColumn =
    error.statusCode === 403
      ? 'placeCode'
      : error.statusCode === 404
        ? 'activity'
        : (BODY_COLUMNS.find(([f]) => field === f || field.startsWith(`${f}.`))?.[1] ?? 'ref');
  return { row: parsed.row, sheet: RECORD_SHEET, field: RECORD_COLUMNS[column], message: error.message };
}

export async function importRecords(
  ctx: ServiceContext,
  file: { fileName: string; data: Buffer },
  acceptValid: boolean,
): Promise<ImportResult> {
  const sheets = await readImportFile(file.fileName, file.data);
  return inTransaction(ctx.db, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const rejected: Rejection[] = [];
    const refs = await lookups(
      tx,
      sheets.records.flatMap((r) => (r.cells.organiser ? [r.cells.organiser] : [])),
    );
    const participants = parseParticipants(sheets.participants, refs, rejected);
    const badDetail = new Set(rejected.map((r) => r.row));
    const seenRefs = new Map<string, number>();
    const valid: { prepared: PreparedRecord; body: CreateRecordBody }[] = [];
    for (const row of sheets.records) {
      const before = rejected.length;
      const ref = row.cells.ref ?? String(row.row);
      if (seenRefs.has(ref))
        rejected.push({
          row: row.row,
          sheet: RECORD_SHEET,
          field: RECORD_COLUMNS.ref,
          message: `Mã dòng "${ref}" trùng với dòng ${seenRefs.get(ref)}`,
        });
      seenRefs.set(ref, row.row);
      const parsed = parseRecord(row, refs, participants, rejected);
      const detailRows = sheets.participants.filter((p) => p.cells.ref === ref && badDetail.has(p.row));
      if (detailRows.length)
        rejected.push({
          row: row.row,
          sheet: RECORD_SHEET,
          field: RECORD_COLUMNS.ref,
          message: `Có lỗi ở trang "${PARTICIPANT_SHEET}" (dòng ${detailRows.map((p) => p.row).join(', ')})`,
        });
      if (!parsed || rejected.length > before) continue;
      try {
        const prepared = await prepareRecord(txCtx, parsed.body);
        // The model is checked now, so a bad one is reported on its row instead of failing the file.
        await recordModelInput(txCtx, parsed.body, prepared);
        valid.push({ prepared, body: parsed.body });
      } catch (error) {
        if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
        rejected.push(rejection(error, parsed));
      }
    }
    const known = new Set(seenRefs.keys());
    for (const p of participants)
      if (!known.has(p.ref))
        rejected.push({
          row: p.row,
          sheet: PARTICIPANT_SHEET,
          field: PARTICIPANT_COLUMNS.ref,
          message: `Không có dòng nào ở trang "${RECORD_SHEET}" có mã dòng "${p.ref}"`,
        });
    rejected.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === RECORD_SHEET ? -1 : 1));
    if (rejected.length > 0 && !acceptValid) return { accepted: 0, rejected, created: [] };
    const created: number[] = [];
    for (const { prepared, body } of valid) {
      created.push((await insertPrepared(txCtx, prepared, body, 'import')).id);
    }
    return { accepted: created.length, rejected, created };
  });
}

export async function importTemplate(ctx: ServiceContext): Promise<Buffer> {
  const rows = await activityChoices(ctx);
  // Only activities the user could record against: plans they see, newest first (the list order).
  return renderImportTemplate(
    rows.map((r) => ({
      id: r.plan_activity_id,
      number: `${r.section_number}.${r.position + 1}`,
      title: r.title,
      plan: `${r.plan_number || `#${r.plan_id}`} (${r.plan_year}${r.plan_province_code ? `, tỉnh ${r.plan_province_code}` : ''}) ${r.plan_title}`,
    })),
  );
}
