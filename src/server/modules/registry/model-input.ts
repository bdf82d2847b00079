// Validation of a model's fields against the database: type, commune of either generation
// (mapped to its 2025 province), type-specific fields, members. Every failure names the field.
import type { ServiceContext } from '../../access/actor';
import { badRequest, forbidden } from '../../http/errors';
import { TECH_FLAGS, type TechFlag } from '../../../shared/model-types';
import { mayWriteIn } from './model.policy';
import * as repo from './models.repo';
import type { CreateModelBody, MemberInput } from './registry.schemas';
import { today } from '../../common/today';

/** A real calendar date in YYYY-MM-DD (the schema only checks the shape). */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function checkPastDate(ctx: ServiceContext, value: string, field: string): void {
  if (!isCalendarDate(value)) throw badRequest(field, `Ngày "${value}" không tồn tại`);
  if (value > today(ctx)) throw badRequest(field, 'Ngày không được ở tương lai');
}

const blank = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export interface ResolvedModel {
  columns: Omit<repo.ModelColumns, 'status' | 'status_since' | 'merged_into_id' | 'source_record_id'>;
  members: MemberInput[] | undefined;
  typeName: string;
}

export async function checkMembers(ctx: ServiceContext, members: MemberInput[], field = 'members'): Promise<void> {
  const seen = new Set<string>();
  for (const [i, m] of members.entries()) {
    const key = `${m.sex}:${m.ethnicGroupId}`;
    if (seen.has(key)) throw badRequest(`${field}.${i}`, 'Mỗi cặp giới tính × dân tộc chỉ ghi một lần');
    seen.add(key);
  }
  const ids = [...new Set(members.map((m) => m.ethnicGroupId))];
  const known = new Set(await repo.existingEthnicGroupIds(ctx.db, ids));
  const unknown = members.findIndex((m) => !known.has(m.ethnicGroupId));
  if (unknown >= 0) throw badRequest(`${field}.${unknown}.ethnicGroupId`, 'Dân tộc không tồn tại');
}

/** The 2025 province of a commune of either generation; a 2024 unit goes through the lineage. */
export async function communeProvince(
  ctx: ServiceContext,
  generation: number,
  code: string,
): Promise<{ provinceCode: string; communeName: string }> {
  const unit = await repo.findAdminUnit(ctx.db, generation, code);
  if (!unit || unit.level !== 'commune') {
    throw badRequest('communeCode', `Không có xã/phường mã ${code} trong danh mục đơn vị hành chính ${generation}`);
  }
  if (generation === 2025) return { provinceCode: unit.province_code, communeName: unit.full_name };
  const successors = await repo.successorProvinces(ctx.db, unit.province_code);
  if (successors.length !== 1) {
    throw badRequest('communeCode', 'Không xác định được tỉnh mới của xã này: hãy dùng mã xã/phường từ 1/7/2025');
  }
  return { provinceCode: successors[0]!, communeName: unit.full_name };
}

export async function resolveModelInput(ctx: ServiceContext, input: CreateModelBody): Promise<ResolvedModel> {
  const name = blank(input.name);
  if (!name) throw badRequest('name', 'Tên mô hình không được để trống');
  const type = await repo.findModelType(ctx.db, input.modelType);
  if (!type) throw badRequest('modelType', `Loại mô hình "${input.modelType}" không tồn tại`);
  const generation = input.communeGeneration ?? 2025;
  const { provinceCode, communeName } = await communeProvince(ctx, generation, input.communeCode);
  if (!mayWriteIn(ctx.actor, provinceCode)) throw forbidden('Tỉnh/thành phố của xã này nằm ngoài phạm vi của bạn');

  const host = blank(input.host);
  if (type.host_kind === 'school' && !host) {
    throw badRequest('host', `${type.name} cần tên trường (đơn vị chủ quản)`);
  }
  const tech = input.tech ?? {};
  const womenOwnership = input.womenOwnership ?? null;
  if (!type.livelihood) {
    if (womenOwnership) throw badRequest('womenOwnership', 'Chỉ mô hình sinh kế mới ghi phụ nữ làm chủ/đồng làm chủ');
    const flag = TECH_FLAGS.find((f) => tech[f]);
    if (flag) throw badRequest(`tech.${flag}`, 'Chỉ mô hình sinh kế mới ghi ứng dụng công nghệ 4.0');
  }
  const foundedOn = input.foundedOn ?? null;
  if (foundedOn) checkPastDate(ctx, foundedOn, 'foundedOn');
  if (input.members) await checkMembers(ctx, input.members);

  const village = blank(input.village);
  const leaderName = blank(input.leaderName);
  const techColumn = (flag: TechFlag) => tech[flag] ?? false;
  return {
    typeName: type.name,
    members: input.members,
    columns: {
      model_type: type.code,
      name,
      commune_generation: generation,
      commune_code: input.communeCode,
      province_code: provinceCode,
      village,
      host,
      founded_on: foundedOn,
      leader_name: leaderName,
      women_ownership: womenOwnership,
      tech_ecommerce: techColumn('ecommerce'),
      tech_traceability: techColumn('traceability'),
      tech_quality_management: techColumn('quality_management'),
      tech_digital_payments: techColumn('digital_payments'),
      search_text: repo.modelSearchText({ name, village, host, leaderName, communeName }),
    },
  };
}
