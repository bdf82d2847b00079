// The code lists of implementation records, checked against the API's types so a new code on the
// server fails the type check here. Their words are in features/records/messages.vi.ts (type.*, target.*, age.*).
import type * as ApiTypes from '../api/types';

export type RecordView = ApiTypes.RecordView;
export type RecordSummary = ApiTypes.RecordSummary;
export type RecordType = RecordView['type'];
export type ParticipantRow = RecordView['participants']['rows'][number];
export type TargetGroup = ParticipantRow['targetGroup'];
export type AgeBand = ParticipantRow['ageBand'];
export type ActivityView = ApiTypes.ActivityStatusView;
export type ActivityStatus = ActivityView['status'];

type Exhaustive<T, L extends readonly T[]> = [T] extends [L[number]] ? L : never;

const recordTypes = [
  'training',
  'communication_event',
  'broadcast',
  'material',
  'model_established',
  'monitoring_mission',
  'policy_comment',
  'conference',
] as const satisfies readonly RecordType[];
export const RECORD_TYPES: Exhaustive<RecordType, typeof recordTypes> = recordTypes;

const targetGroups = [
  'community_member',
  'union_member',
  'union_cadre',
  'ethnic_affairs_cadre',
  'other_cadre',
  'child',
  'village_elder',
  'religious_dignitary',
] as const satisfies readonly TargetGroup[];
export const TARGET_GROUPS: Exhaustive<TargetGroup, typeof targetGroups> = targetGroups;

const ageBands = ['unknown', 'under_16', '16_30', '31_60', 'over_60'] as const satisfies readonly AgeBand[];
export const AGE_BANDS: Exhaustive<AgeBand, typeof ageBands> = ageBands;

const statuses = ['not_started', 'in_progress', 'late', 'done'] as const satisfies readonly ActivityStatus[];
export const ACTIVITY_STATUSES: Exhaustive<ActivityStatus, typeof statuses> = statuses;

export const STATUS_BADGE: Record<ActivityStatus, string> = {
  not_started: 'badge',
  in_progress: 'badge badge-new',
  late: 'badge badge-warn',
  done: 'badge badge-full',
};

/** Which output fields a record type asks for. */
export const OUTPUT_FIELDS: Record<RecordType, readonly ('language' | 'broadcaster' | 'material' | 'quantity')[]> = {
  training: ['quantity', 'language'],
  communication_event: ['quantity', 'language'],
  broadcast: ['broadcaster', 'language', 'quantity'],
  material: ['material', 'quantity', 'language'],
  model_established: ['quantity'],
  monitoring_mission: ['quantity'],
  policy_comment: ['quantity'],
  conference: ['quantity'],
};

/** Accepted attachments (the server checks the same list and the bytes). */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
