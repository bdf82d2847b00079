// The code lists of implementation records, with Vietnamese labels (used by the import template
// and its guide). The database checks the same lists (migration 2026112804-records).

export const RECORD_TYPES = [
  'training',
  'communication_event',
  'broadcast',
  'material',
  'model_established',
  'monitoring_mission',
  'policy_comment',
  'conference',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_TYPE_LABELS: Record<RecordType, string> = {
  training: 'Tập huấn, bồi dưỡng',
  communication_event: 'Sự kiện truyền thông',
  broadcast: 'Chương trình truyền hình, phát thanh',
  material: 'Tài liệu, sản phẩm truyền thông (sổ tay, video clip…)',
  model_established: 'Xây dựng, củng cố mô hình',
  monitoring_mission: 'Kiểm tra, giám sát',
  policy_comment: 'Góp ý, phản biện chính sách',
  conference: 'Hội nghị, hội thảo, sơ kết, tổng kết',
};

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = { female: 'Nữ', male: 'Nam' };

export const TARGET_GROUPS = [
  'union_cadre',
  'ethnic_affairs_cadre',
  'other_cadre',
  'union_member',
  'community_member',
  'child',
  'village_elder',
  'religious_dignitary',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  union_cadre: 'Cán bộ Hội',
  ethnic_affairs_cadre: 'Cán bộ làm công tác dân tộc',
  other_cadre: 'Cán bộ khác',
  union_member: 'Hội viên',
  community_member: 'Người dân cộng đồng',
  child: 'Trẻ em, học sinh',
  village_elder: 'Già làng, người có uy tín',
  religious_dignitary: 'Chức sắc tôn giáo',
};

export const AGE_BANDS = ['under_16', '16_30', '31_60', 'over_60', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under_16: 'Dưới 16 tuổi',
  '16_30': '16–30 tuổi',
  '31_60': '31–60 tuổi',
  over_60: 'Trên 60 tuổi',
  unknown: 'Không rõ',
};

export const PARTICIPANT_MODES = ['breakdown', 'totals_only'] as const;
export type ParticipantMode = (typeof PARTICIPANT_MODES)[number];

export const LANGUAGES = ['pho_thong', 'dan_toc'] as const;
