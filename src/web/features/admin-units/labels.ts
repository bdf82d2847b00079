import type { MessageKey } from '../../i18n/vi';

export type Level = 'province' | 'district' | 'commune';
export type LineageKind = 'full' | 'partial' | 'district_without_communes';

export const LEVEL_LABELS: Record<Level, MessageKey> = {
  province: 'adminUnits.level.province',
  district: 'adminUnits.level.district',
  commune: 'adminUnits.level.commune',
};

export const LINEAGE_LABELS: Record<LineageKind, MessageKey> = {
  full: 'lineage.full',
  partial: 'lineage.partial',
  district_without_communes: 'lineage.districtWithoutCommunes',
};

const CHANGE_LABELS: Record<string, MessageKey> = {
  renamed: 'changes.renamed',
  reclassified: 'changes.reclassified',
};

export function changeLabel(kind: string): MessageKey | null {
  return CHANGE_LABELS[kind] ?? null;
}
