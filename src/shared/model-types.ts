// Community-model registry vocabulary shared by server and web: statuses and their lifecycle,
// activity-log kinds, case types, technology-4.0 flags. Model *types* are data (table model_type).

export const MODEL_STATUSES = ['active', 'inactive', 'merged', 'dissolved'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export const MODEL_STATUS_LABELS: Record<ModelStatus, string> = {
  active: 'Đang hoạt động',
  inactive: 'Tạm ngừng hoạt động',
  merged: 'Đã sáp nhập',
  dissolved: 'Đã giải thể',
};

/** Merged and dissolved are final: only an explicit reopen brings the model back to active. */
export const FINAL_STATUSES: readonly ModelStatus[] = ['merged', 'dissolved'];

/**
 * Whether a model may go from `from` to `to`. A final status only leaves by `reopen` (to active),
 * so a model closed by mistake is corrected on the record, not by rewriting its history.
 */
export function statusTransitionAllowed(from: ModelStatus, to: ModelStatus, reopen: boolean): boolean {
  if (FINAL_STATUSES.includes(from)) return reopen && to === 'active';
  if (reopen) return false;
  return from !== to;
}

export const ACTIVITY_KINDS = ['meeting', 'support_given', 'case_referred'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  meeting: 'Sinh hoạt / họp',
  support_given: 'Lượt hỗ trợ',
  case_referred: 'Trường hợp chuyển gửi',
};

export const CASE_TYPES = ['violence', 'trafficking', 'child_marriage', 'other'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  violence: 'Bạo lực gia đình / bạo lực giới',
  trafficking: 'Mua bán người',
  child_marriage: 'Tảo hôn, hôn nhân cận huyết',
  other: 'Khác',
};

export const TECH_FLAGS = ['ecommerce', 'traceability', 'quality_management', 'digital_payments'] as const;
export type TechFlag = (typeof TECH_FLAGS)[number];
export const TECH_FLAG_LABELS: Record<TechFlag, string> = {
  ecommerce: 'Thương mại điện tử',
  traceability: 'Truy xuất nguồn gốc',
  quality_management: 'Quản lý chất lượng',
  digital_payments: 'Thanh toán số',
};

export const WOMEN_OWNERSHIP = ['owned', 'co_owned'] as const;
export type WomenOwnership = (typeof WOMEN_OWNERSHIP)[number];
export const WOMEN_OWNERSHIP_LABELS: Record<WomenOwnership, string> = {
  owned: 'Phụ nữ làm chủ',
  co_owned: 'Phụ nữ đồng làm chủ',
};

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

/** Per-user grants that add permissions no role carries (see permissions.ts). */
export const USER_GRANTS = ['case_data'] as const;
export type UserGrant = (typeof USER_GRANTS)[number];

/** "2026-11" — months of the activity log and case counts. */
export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';
