// A "model established" record registers its community model in the registry in the same
// transaction, so nobody types the model twice. The registry does the checking (type, commune,
// members, scope); its field names come back prefixed with `model.` so the form can point at them.
import type { ServiceContext } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { AppError, badRequest, conflict } from '../../http/errors';
import { createModel } from '../registry/models.service';
import { resolveModelInput } from '../registry/model-input';
import type { CreateModelBody, RecordModelRef } from '../registry/registry.schemas';
import type { PreparedRecord } from './record-input';
import type { CreateRecordBody } from './records.schemas';

/** Refuses a `model` on a record of another type before anything is written. */
export function checkModelRequest(body: Pick<CreateRecordBody, 'type' | 'model'>): void {
  if (body.model && body.type !== 'model_established')
    throw badRequest('model', 'Chỉ bản ghi loại "Thành lập, củng cố mô hình" mới đăng ký mô hình vào sổ');
}

export async function modelsOfRecord(db: Queryable, recordId: number): Promise<RecordModelRef[]> {
  return db
    .selectFrom('community_model as m')
    .innerJoin('model_type as t', 't.code', 'm.model_type')
    .select(['m.community_model_id as id', 'm.name', 't.name as typeName', 'm.status'])
    .where('m.source_record_id', '=', recordId)
    .orderBy('m.community_model_id')
    .execute();
}

/** Registry field names come back under `model.` so the form (and the import report) can point at them. */
async function underModel<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.field && error.field !== 'model' && !error.field.startsWith('model.'))
      throw new AppError(error.statusCode, error.code, error.message, `model.${error.field}`);
    throw error;
  }
}

/**
 * The registry input for `body.model` with the record's defaults, checked as the registry would
 * (type, commune, scope, members) and in the record's province; null when the record names no model.
 */
export async function recordModelInput(
  ctx: ServiceContext,
  body: Pick<CreateRecordBody, 'model' | 'title'>,
  prepared: PreparedRecord,
): Promise<CreateModelBody | null> {
  const model = body.model;
  if (!model) return null;
  const { values } = prepared;
  let commune: { code: string; generation: 2024 | 2025 } | null = model.communeCode
    ? { code: model.communeCode, generation: model.communeGeneration ?? 2025 }
    : null;
  if (!commune && values.place_code && values.place_generation) {
    const place = await ctx.db
      .selectFrom('admin_unit')
      .select('level')
      .where('generation', '=', values.place_generation)
      .where('code', '=', values.place_code)
      .executeTakeFirst();
    if (place?.level === 'commune')
      commune = { code: values.place_code, generation: values.place_generation as 2024 | 2025 };
  }
  if (!commune)
    throw badRequest('model.communeCode', 'Chọn xã, phường của mô hình (địa bàn của bản ghi không phải cấp xã)');
  const input: CreateModelBody = {
    ...model,
    name: model.name?.trim() || body.title.trim(),
    communeCode: commune.code,
    communeGeneration: commune.generation,
    village: model.village === undefined ? values.village : model.village,
    foundedOn: model.foundedOn === undefined ? values.start_date : model.foundedOn,
  };
  const resolved = await underModel(() => resolveModelInput(ctx, input));
  if (values.province_code !== null && resolved.columns.province_code !== values.province_code)
    throw badRequest('model.communeCode', 'Xã, phường của mô hình phải thuộc tỉnh, thành phố của bản ghi');
  return input;
}

/**
 * Registers `body.model` for record `recordId` (the caller's transaction). On an update it only
 * creates a model when the record has none yet: the registry is where an existing model is edited.
 */
export async function registerRecordModel(
  ctx: ServiceContext,
  recordId: number,
  body: Pick<CreateRecordBody, 'model' | 'title'>,
  prepared: PreparedRecord,
): Promise<void> {
  if (!body.model) return;
  if ((await modelsOfRecord(ctx.db, recordId)).length > 0)
    throw conflict('Bản ghi này đã đăng ký mô hình; hãy sửa mô hình trong Sổ mô hình', 'model');
  const input = await recordModelInput(ctx, body, prepared);
  if (input)
    await underModel(() =>
      createModel(ctx, { ...input, sourceRecordId: recordId, ownerAgencyId: prepared.values.organiser_agency_id }),
    );
}
