// All SQL for checklist templates and their items. Items are never deleted (answers point at them):
// an item taken off a template is marked removed and no longer offered.
import type { Queryable } from '../../db/database';

export async function listTemplates(db: Queryable, ids?: number[]) {
  let query = db
    .selectFrom('checklist_template')
    .select(['checklist_template_id', 'code', 'name', 'description', 'active', 'version'])
    .orderBy('checklist_template_id');
  if (ids) query = query.where('checklist_template_id', 'in', ids.length ? ids : [0]);
  const templates = await query.execute();
  const items = templates.length
    ? await db
        .selectFrom('checklist_item')
        .select(['checklist_item_id', 'checklist_template_id', 'group_name', 'text'])
        .where(
          'checklist_template_id',
          'in',
          templates.map((t) => t.checklist_template_id),
        )
        .where('removed', '=', false)
        .orderBy('checklist_template_id')
        .orderBy('position')
        .orderBy('checklist_item_id')
        .execute()
    : [];
  return templates.map((t) => ({
    ...t,
    items: items.filter((i) => i.checklist_template_id === t.checklist_template_id),
  }));
}
export type TemplateRow = Awaited<ReturnType<typeof listTemplates>>[number];

export async function findTemplate(db: Queryable, templateId: number): Promise<TemplateRow | undefined> {
  return (await listTemplates(db, [templateId]))[0];
}

export async function codeTaken(db: Queryable, code: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('checklist_template').select('checklist_template_id').where('code', '=', code);
  if (exceptId) query = query.where('checklist_template_id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface TemplateValues {
  code: string;
  name: string;
  description: string;
  active: boolean;
}

export async function insertTemplate(db: Queryable, v: TemplateValues, now: Date): Promise<number> {
  const row = await db
    .insertInto('checklist_template')
    .values({ ...v, updated_at: now })
    .returning('checklist_template_id')
    .executeTakeFirstOrThrow();
  return row.checklist_template_id;
}

/** Optimistic update: false when the version moved on. */
export async function updateTemplate(
  db: Queryable,
  templateId: number,
  version: number,
  v: TemplateValues,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('checklist_template')
    .set((eb) => ({ ...v, updated_at: now, version: eb('version', '+', 1) }))
    .where('checklist_template_id', '=', templateId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Items in the order given: ids kept are updated in place, others added, missing ones marked removed. */
export async function syncItems(
  db: Queryable,
  templateId: number,
  items: { id?: number; group: string; text: string }[],
): Promise<void> {
  const keep = items.flatMap((i) => (i.id ? [i.id] : []));
  let removal = db.updateTable('checklist_item').set({ removed: true }).where('checklist_template_id', '=', templateId);
  if (keep.length) removal = removal.where('checklist_item_id', 'not in', keep);
  await removal.execute();
  for (const [position, item] of items.entries()) {
    if (item.id) {
      await db
        .updateTable('checklist_item')
        .set({ position: position + 1, group_name: item.group, text: item.text, removed: false })
        .where('checklist_item_id', '=', item.id)
        .execute();
    } else {
      await db
        .insertInto('checklist_item')
        .values({ checklist_template_id: templateId, position: position + 1, group_name: item.group, text: item.text })
        .execute();
    }
  }
}

/** The ids among `ids` that are items of the template (removed ones included). */
export async function itemIdsOf(db: Queryable, templateId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('checklist_item')
    .select('checklist_item_id')
    .where('checklist_template_id', '=', templateId)
    .where('checklist_item_id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.checklist_item_id));
}
