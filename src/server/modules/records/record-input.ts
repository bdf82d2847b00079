// Turning a record body into rows: dates that run forward, a place that exists (either
// generation) and its 2025 province, the writer's scope, agencies, ethnic groups and funding
// sources that exist, participants that add up. Errors name the field; nothing is written here.
import type { ServiceContext } from '../../access/actor';
import { AppError, badRequest, forbidden, notFound } from '../../http/errors';
import { AGENCY_CHOICE_REFUSAL, ownsRow } from '../../access/policies/agency.policy';
import { mayWriteIn } from './record.policy';
import { checkModelRequest } from './record-model';
import { checkParticipants, type Participants } from './record-participants';
import * as repo from './records.repo';
import type { CreateRecordBody } from './records.schemas';

export interface PreparedRecord {
  values: repo.RecordValues;
  activity: repo.ActivityRow;
  participants: Participants;
  partners: number[];
  costs: { code: string; amount: string }[];
}

function placeAndProvince(body: CreateRecordBody, activity: repo.ActivityRow, place: repo.PlaceRow | null) {
  if (!body.place) {
    // A provincial plan's record without a place belongs to the plan's province.
    return { place: null, provinceCode: activity.plan_kind === 'provincial' ? activity.plan_province_code : null };
  }
  if (!place)
    throw badRequest(
      'place.code',
      `Không có đơn vị hành chính mã ${body.place.code} (${body.place.generation === 2024 ? 'trước' : 'từ'} 1/7/2025)`,
    );
  if (!place.province_2025) throw badRequest('place.code', 'Không xác định được tỉnh hiện nay của địa bàn này');
  return { place, provinceCode: place.province_2025 };
}

function assertScope(ctx: ServiceContext, provinceCode: string | null) {
  if (mayWriteIn(ctx.actor, provinceCode)) return;
  throw forbidden(
    provinceCode === null
      ? 'Chỉ người dùng phạm vi toàn quốc ghi nhận hoạt động cấp trung ương (không có địa bàn)'
      : 'Địa bàn này nằm ngoài phạm vi của bạn',
  );
}

function checkReferences(body: CreateRecordBody, organiser: number | null, found: repo.RecordReferences) {
  const partners = body.partnerAgencyIds ?? [];
  const agencies = found.agencies;
  if (organiser && !agencies.has(organiser))
    throw badRequest('organiserAgencyId', `Cơ quan số ${organiser} không tồn tại`);
  const missingPartner = partners.findIndex((id) => !agencies.has(id));
  if (missingPartner >= 0)
    throw badRequest(`partnerAgencyIds.${missingPartner}`, `Cơ quan số ${partners[missingPartner]} không tồn tại`);

  const rows = body.participants?.rows ?? [];
  const language = body.outputs?.ethnicLanguage;
  const ethnic = found.ethnicGroups;
  const missingRow = rows.findIndex((r) => !ethnic.has(r.ethnicGroupId));
  if (missingRow >= 0)
    throw badRequest(
      `participants.rows.${missingRow}.ethnicGroupId`,
      `Mã dân tộc ${rows[missingRow]!.ethnicGroupId} không có trong danh mục 54 dân tộc`,
    );
  if (body.outputs?.language === 'dan_toc' && !language)
    throw badRequest('outputs.ethnicLanguage', 'Chương trình bằng tiếng dân tộc cần ghi rõ tiếng dân tộc nào');
  if (language && !ethnic.has(language))
    throw badRequest('outputs.ethnicLanguage', `Mã dân tộc ${language} không có trong danh mục 54 dân tộc`);

  const costs = body.costs ?? [];
  const sources = new Set(found.fundingSources.map((f) => f.code));
  const seen = new Set<string>();
  costs.forEach((c, i) => {
    if (!sources.has(c.fundingSource))
      throw badRequest(`costs.${i}.fundingSource`, `Nguồn kinh phí "${c.fundingSource}" không có trong danh mục`);
    if (seen.has(c.fundingSource))
      throw badRequest(`costs.${i}.fundingSource`, `Nguồn kinh phí "${c.fundingSource}" được nhập hai lần`);
    seen.add(c.fundingSource);
  });
  return { partners, costs: costs.map((c) => ({ code: c.fundingSource, amount: c.amount.replace(/^0+(?=\d)/, '') })) };
}

export async function prepareRecord(ctx: ServiceContext, body: CreateRecordBody): Promise<PreparedRecord> {
  if (body.title.trim() === '') throw badRequest('title', 'Cần nhập tên hoạt động đã thực hiện');
  checkModelRequest(body);
  const endDate = body.endDate ?? body.startDate;
  if (endDate < body.startDate) throw badRequest('endDate', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu');
  const participants = checkParticipants(body.participants);
  const organiser = body.organiserAgencyId === undefined ? ctx.actor.agencyId : body.organiserAgencyId;
  // Everything the body names, in one statement; the checks below say which field is wrong.
  const found = await repo.recordReferences(ctx.db, ctx.actor, {
    activityId: body.planActivityId,
    place: body.place ?? null,
    agencyIds: [...(organiser ? [organiser] : []), ...(body.partnerAgencyIds ?? [])],
    ethnicGroupIds: [
      ...(body.participants?.rows ?? []).map((r) => r.ethnicGroupId),
      ...(body.outputs?.ethnicLanguage ? [body.outputs.ethnicLanguage] : []),
    ],
    fundingSources: (body.costs ?? []).length > 0,
  });
  const activity = found.activity;
  if (!activity) throw notFound('Hoạt động');
  const { place, provinceCode } = placeAndProvince(body, activity, found.place);
  assertScope(ctx, provinceCode);
  if (activity.plan_kind === 'provincial' && provinceCode !== activity.plan_province_code)
    throw badRequest('place.code', 'Địa bàn phải thuộc tỉnh, thành phố của kế hoạch có hoạt động này');
  // The record will be the organiser's: a writer records for their own agency or one under it.
  if (!ownsRow(ctx.actor, organiser)) throw new AppError(403, 'forbidden', AGENCY_CHOICE_REFUSAL, 'organiserAgencyId');
  const { partners, costs } = checkReferences(body, organiser, found);
  return {
    activity,
    participants,
    partners,
    costs,
    values: {
      plan_activity_id: activity.plan_activity_id,
      type: body.type,
      title: body.title.trim(),
      start_date: body.startDate,
      end_date: endDate,
      place_generation: place?.generation ?? null,
      place_code: place?.code ?? null,
      province_code: provinceCode,
      village: body.village?.trim() || null,
      organiser_agency_id: organiser,
      description: body.description ?? '',
      outputs: body.outputs ?? {},
      participants_mode: participants.mode,
      total_participants: participants.total,
      female_participants: participants.female,
    },
  };
}
