// Checklist templates: configurable data (an administrator adds or rewords items); missions pick
// one. Items already answered are never deleted, only taken off the template.
import type { ServiceContext } from '../../access/actor';
import { badRequest, conflict, notFound } from '../../http/errors';
import { insertAudit } from '../audit/audit.service';
import * as repo from './checklists.repo';
import type { ChecklistTemplateView, TemplateBody, UpdateTemplateBody } from './monitoring.schemas';
import { newTransaction } from '../../db/transaction';

const stale = 'Bảng kiểm đã được người khác sửa sau khi bạn mở. Hãy tải lại rồi sửa lại.';

function view(t: repo.TemplateRow): ChecklistTemplateView {
  return {
    id: t.checklist_template_id,
    code: t.code,
    name: t.name,
    description: t.description,
    active: t.active,
    version: t.version,
    items: t.items.map((i) => ({ id: i.checklist_item_id, group: i.group_name, text: i.text })),
  };
}

export async function listTemplates(ctx: ServiceContext): Promise<ChecklistTemplateView[]> {
  return (await repo.listTemplates(ctx.db)).map(view);
}

function values(body: TemplateBody): repo.TemplateValues {
  if (body.name.trim() === '') throw badRequest('name', 'Cần nhập tên bảng kiểm');
  const blank = body.items.findIndex((i) => i.text.trim() === '');
  if (blank >= 0) throw badRequest(`items.${blank}.text`, 'Cần nhập nội dung câu hỏi');
  return {
    code: body.code,
    name: body.name.trim(),
    description: body.description?.trim() ?? '',
    active: body.active ?? true,
  };
}

const items = (body: TemplateBody) =>
  body.items.map((i) => ({ id: i.id, group: i.group?.trim() ?? '', text: i.text.trim() }));

export async function createTemplate(ctx: ServiceContext, body: TemplateBody): Promise<ChecklistTemplateView> {
  const v = values(body);
  if (body.items.some((i) => i.id)) throw badRequest('items', 'Bảng kiểm mới chưa có câu hỏi nào có mã');
  return newTransaction(ctx.db, async (tx) => {
    if (await repo.codeTaken(tx, v.code)) throw conflict(`Đã có bảng kiểm mã "${v.code}"`, 'code');
    const now = ctx.clock.now();
    const id = await repo.insertTemplate(tx, v, now);
    await repo.syncItems(tx, id, items(body));
    const after = view((await repo.findTemplate(tx, id))!);
    await insertAudit(
      tx,
      ctx.actor,
      { action: 'create', entityType: 'checklist_template', entityId: id, after },
      now,
      ctx.ip,
    );
    return after;
  });
}

export async function updateTemplate(
  ctx: ServiceContext,
  templateId: number,
  body: UpdateTemplateBody,
): Promise<ChecklistTemplateView> {
  const v = values(body);
  return newTransaction(ctx.db, async (tx) => {
    const current = await repo.findTemplate(tx, templateId);
    if (!current) throw notFound('Bảng kiểm');
    if (await repo.codeTaken(tx, v.code, templateId)) throw conflict(`Đã có bảng kiểm mã "${v.code}"`, 'code');
    const ids = body.items.flatMap((i) => (i.id ? [i.id] : []));
    const known = await repo.itemIdsOf(tx, templateId, ids);
    const stray = body.items.findIndex((i) => i.id && !known.has(i.id));
    if (stray >= 0) throw badRequest(`items.${stray}.id`, 'Câu hỏi không thuộc bảng kiểm này');
    const now = ctx.clock.now();
    if (current.version !== body.version || !(await repo.updateTemplate(tx, templateId, body.version, v, now)))
      throw conflict(stale, 'version');
    await repo.syncItems(tx, templateId, items(body));
    const after = view((await repo.findTemplate(tx, templateId))!);
    await insertAudit(
      tx,
      ctx.actor,
      { action: 'update', entityType: 'checklist_template', entityId: templateId, before: view(current), after },
      now,
      ctx.ip,
    );
    return after;
  });
}
