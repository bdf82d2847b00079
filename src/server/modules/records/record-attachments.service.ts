// Attachments of a record (photos, PDF, .docx, .xlsx up to 20 MB), kept by the file store
// (common/files). A record's files are part of the record: adding or removing one needs the right
// to write the record and an open period (423 when an approved report has locked it), and is
// audited on the record in the same transaction.
import type { ServiceContext } from '../../access/actor';
import * as files from '../../common/files/files.service';
import { forbidden, notFound } from '../../http/errors';
import { insertAudit } from '../audit/audit.service';
import { assertPeriodOpen } from '../../common/period-lock';
import { recordRefusal } from './record.policy';
import * as repo from './records.repo';
import type { AttachmentView } from './records.schemas';

const owner = (recordId: number): files.FileOwner => ({ kind: 'record', id: recordId });

async function writableRecord(ctx: ServiceContext, recordId: number) {
  const row = await repo.findRecord(ctx.db, ctx.actor, recordId);
  if (!row) throw notFound('Bản ghi');
  const refused = recordRefusal(ctx.actor, {
    provinceCode: row.province_code,
    organiserAgencyId: row.organiser_agency_id,
  });
  if (refused) throw forbidden(refused);
  await assertPeriodOpen(ctx, { province: row.province_code, from: row.start_date, to: row.end_date });
  return row;
}

async function audit(
  ctx: ServiceContext,
  record: { organiser_agency_id: number | null; province_code: string | null },
  recordId: number,
  change:
    | { action: 'attach'; after: { attachment: AttachmentView } }
    | { action: 'detach'; before: { attachment: AttachmentView } },
) {
  await insertAudit(
    ctx.db,
    ctx.actor,
    {
      entityType: 'record',
      entityId: recordId,
      agencyId: record.organiser_agency_id,
      provinceCode: record.province_code,
      ...change,
    },
    ctx.clock.now(),
    ctx.ip,
  );
}

export async function addAttachment(
  ctx: ServiceContext,
  recordId: number,
  upload: files.UploadedFile,
): Promise<AttachmentView> {
  return files.withFiles(ctx, async (tx, changes) => {
    const record = await writableRecord(tx, recordId);
    const view = files.fileView(await changes.store(owner(recordId), upload));
    await audit(tx, record, recordId, { action: 'attach', after: { attachment: view } });
    return view;
  });
}

export async function openAttachment(ctx: ServiceContext, recordId: number, attachmentId: number) {
  const record = await repo.findRecord(ctx.db, ctx.actor, recordId);
  if (!record) throw notFound('Bản ghi');
  return files.openFile(ctx, await files.findFile(ctx.db, owner(recordId), attachmentId, 'Tệp đính kèm'));
}

export async function removeAttachment(ctx: ServiceContext, recordId: number, attachmentId: number): Promise<void> {
  await files.withFiles(ctx, async (tx, changes) => {
    const record = await writableRecord(tx, recordId);
    const file = await files.findFile(tx.db, owner(recordId), attachmentId, 'Tệp đính kèm');
    await changes.remove(file);
    await audit(tx, record, recordId, { action: 'detach', before: { attachment: files.fileView(file) } });
  });
}
