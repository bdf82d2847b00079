// A record as the API shows it: its activity and plan, place and province names, agencies named
// as of the record's start date, participants, costs as exact strings, attachments, and the
// actions the caller may take.
import type { Actor } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { agencyMap } from '../reference/reference.service';
import { lockReason } from '../../common/period-lock';
import { recordActions } from './record.policy';
import * as repo from './records.repo';
import { filesOf, fileView } from '../../common/files/files.service';
import type { RecordSummary, RecordView } from './records.schemas';

const iso = (d: Date | string) => new Date(d).toISOString();

/** What the caller already knows of a record it has just written, so the view does not ask again. */
export interface KnownOfRecord {
  /** The write checked the period inside its transaction, which holds it open till the commit. */
  open?: true;
  /** A record just created has no attachments yet. */
  noAttachments?: true;
  /** The attachments, read by this transaction already (an update does not change them). */
  attachments?: RecordView['attachments'];
}

/** The view of a record read with its children (`repo.findRecordWithChildren`): its agencies' names,
 * and unless the caller knows them, its attachments and whether its period is locked. */
export async function buildRecordView(
  db: Queryable,
  actor: Actor,
  { row, children, models }: repo.RecordWithChildren,
  given: KnownOfRecord = {},
): Promise<RecordView> {
  const agencyIds = [...(row.organiser_agency_id ? [row.organiser_agency_id] : []), ...children.partners];
  const agencies = await agencyMap(db, agencyIds, row.start_date);
  const ref = (id: number) => {
    const a = agencies.get(id);
    return a ? { id: a.id, name: a.name, shortName: a.shortName } : { id, name: '', shortName: '' };
  };
  const known = row.participants_mode === 'breakdown';
  const locked = given.open
    ? null
    : await lockReason({ db }, { province: row.province_code, from: row.start_date, to: row.end_date });
  return {
    id: row.record_id,
    activity: {
      id: row.plan_activity_id,
      number: `${row.section_number}.${row.position + 1}`,
      title: row.activity_title,
      planId: row.plan_id,
      planTitle: row.plan_title,
      planKind: row.plan_kind,
      planProvinceCode: row.plan_province_code,
    },
    type: row.type,
    title: row.title,
    startDate: row.start_date,
    endDate: row.end_date,
    place:
      row.place_code && row.place_generation
        ? {
            generation: row.place_generation,
            code: row.place_code,
            name: row.place_name ?? '',
            fullName: row.place_full_name ?? '',
            level: row.place_level ?? '',
          }
        : null,
    provinceCode: row.province_code,
    provinceName: row.province_name,
    village: row.village,
    organiser: row.organiser_agency_id ? ref(row.organiser_agency_id) : null,
    partners: children.partners.map(ref),
    description: row.description,
    outputs: (row.outputs ?? {}) as Record<string, unknown>,
    participants: {
      mode: row.participants_mode,
      breakdownKnown: known,
      totalParticipants: row.total_participants,
      femaleParticipants: row.female_participants,
      rows: children.participants.map((p) => ({
        sex: p.sex,
        ethnicGroupId: p.ethnic_group_id,
        targetGroup: p.target_group,
        ageBand: p.age_band,
        count: p.count,
      })),
    },
    costs: children.costs.map((c) => ({ fundingSource: c.funding_source_code, name: c.name_vi, amount: c.amount })),
    totalCost: children.totalCost,
    attachments: given.noAttachments
      ? []
      : (given.attachments ?? (await filesOf(db, 'record', [row.record_id])).map(fileView)),
    models,
    createdBy: row.created_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
    locked,
    // A record in a period an approved report has locked cannot be changed until it is reopened.
    allowedActions: locked
      ? []
      : recordActions(actor, { provinceCode: row.province_code, organiserAgencyId: row.organiser_agency_id }),
  };
}

type ListRow = Awaited<ReturnType<typeof repo.listRecords>>['rows'][number];

export function recordSummary(actor: Actor, r: ListRow): RecordSummary {
  return {
    id: r.record_id,
    activity: { id: r.plan_activity_id, title: r.activity_title, planId: r.plan_id },
    type: r.type,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    provinceCode: r.province_code,
    placeName: r.place_name,
    participantsMode: r.participants_mode,
    totalParticipants: r.total_participants,
    femaleParticipants: r.female_participants,
    totalCost: r.total_cost ?? '0',
    attachmentCount: Number(r.attachment_count ?? 0),
    version: r.version,
    updatedAt: iso(r.updated_at),
    allowedActions: recordActions(actor, { provinceCode: r.province_code, organiserAgencyId: r.organiser_agency_id }),
  };
}

/** What the audit log keeps of a record: everything but the caller-specific actions. */
export function auditShape(view: RecordView) {
  const { allowedActions: _a, ...rest } = view;
  return rest;
}
