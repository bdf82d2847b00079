// Implementation records that other modules derive from their own entries: a mission whose report
// is issued (monitoring_mission, counted by GS01), a sent policy-review response (policy_comment,
// GS02). The entry decides what the record holds; this is the one place that writes it: the period
// lock (423 in a period an approved report has locked), the "record differs" check (a change the
// record does not carry leaves it untouched, even when locked), the audit entry and the live
// indicator values, all in the caller's transaction.
import type { ServiceContext } from '../../access/actor';
import { syncRecordValues } from '../analytics/sync-values';
import { insertAudit } from '../audit/audit.service';
import * as repo from './records.repo';
import { assertRecordOpen } from './records.service';

export type DerivedRecordValues = repo.RecordValues;

type RecordFacts = Pick<
  repo.RecordValues,
  | 'plan_activity_id'
  | 'type'
  | 'title'
  | 'start_date'
  | 'end_date'
  | 'province_code'
  | 'organiser_agency_id'
  | 'description'
  | 'outputs'
>;

/** True when saving `values` would change what the record holds (the fields a derived record sets). */
export function recordDiffers(current: RecordFacts | { outputs: unknown }, values: repo.RecordValues): boolean {
  const c = current as RecordFacts;
  return (
    c.plan_activity_id !== values.plan_activity_id ||
    c.type !== values.type ||
    c.title !== values.title ||
    c.start_date !== values.start_date ||
    c.end_date !== values.end_date ||
    c.province_code !== values.province_code ||
    c.organiser_agency_id !== values.organiser_agency_id ||
    c.description !== values.description ||
    JSON.stringify(c.outputs ?? {}) !== JSON.stringify(values.outputs)
  );
}

export interface DerivedRecord {
  /** The record the entry points at now, if any. */
  recordId: number | null;
  /** What the record should hold; null: the entry no longer makes a record (it is soft-deleted). */
  values: DerivedRecordValues | null;
  /** The audit entries' agency and province. */
  agencyId: number | null;
  provinceCode: string | null;
  /** Shown with the values in the audit entry, naming the entry: `{ missionId }`, `{ policyReviewId }`. */
  source: Record<string, unknown>;
}

/**
 * Creates, updates or removes the record derived from an entry; call it inside the entry's
 * transaction. Returns the record id the entry should point at (null: none).
 */
export async function syncDerivedRecord(ctx: ServiceContext, d: DerivedRecord): Promise<number | null> {
  const now = ctx.clock.now();
  const existing = d.recordId ? await repo.findDerivedRecord(ctx.db, d.recordId) : undefined;
  const entry = (action: string, recordId: number, after?: unknown) =>
    insertAudit(
      ctx.db,
      ctx.actor,
      {
        action,
        entityType: 'record',
        entityId: recordId,
        agencyId: d.agencyId,
        provinceCode: d.provinceCode,
        ...(after ? { after } : {}),
      },
      now,
      ctx.ip,
    );
  const { values } = d;
  if (values === null) {
    if (existing) {
      await assertRecordOpen(ctx, existing);
      await repo.softDeleteRecord(ctx.db, existing.record_id, ctx.actor.userId, now);
      await entry('delete', existing.record_id);
      await syncRecordValues(ctx.db, existing.record_id);
    }
    return null;
  }
  const shape = { ...values, ...d.source };
  if (existing) {
    if (!recordDiffers(existing, values)) return existing.record_id;
    await assertRecordOpen(ctx, existing);
    await assertRecordOpen(ctx, values);
    await repo.updateRecord(ctx.db, existing.record_id, existing.version, values, now);
    await entry('update', existing.record_id, shape);
    await syncRecordValues(ctx.db, existing.record_id);
    return existing.record_id;
  }
  await assertRecordOpen(ctx, values);
  const recordId = await repo.insertRecord(ctx.db, values, ctx.actor.userId, now);
  await entry('create', recordId, shape);
  await syncRecordValues(ctx.db, recordId);
  return recordId;
}
