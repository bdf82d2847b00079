// The reporting calendar as configured: report types with their deadline rules and reporters, the
// periods of a year with their deadlines, and the thematic / ad hoc periods created one by one.
import type { ServiceContext } from '../../access/actor';
import { badRequest, notFound } from '../../http/errors';
import type { Queryable } from '../../db/database';
import { insertAudit } from '../audit/audit.service';
import { dueDate, periodsOfYear, regularPeriod } from '../../../shared/report-periods';
import * as repo from './reports.repo';
import type { CalendarPeriod, CreatePeriodBody, ReportTypeView, UpdateReportTypeBody } from './reports.schemas';
import { newTransaction } from '../../db/transaction';

export interface ResolvedPeriod {
  code: string;
  label: string;
  start: string;
  end: string;
  due: string;
  periodId: number | null;
}

/** A period of a type from its code ("2022Q3", or "R12" for a thematic / ad hoc period); 400 naming `field`. */
export async function resolvePeriod(
  db: Queryable,
  type: repo.TypeRow,
  code: string,
  field = 'period',
): Promise<ResolvedPeriod> {
  if (type.period_kind === 'custom') {
    const m = /^R(\d{1,9})$/.exec(code);
    const row = m ? await repo.findPeriod(db, Number(m[1])) : undefined;
    if (!row || row.report_type_code !== type.code)
      throw badRequest(field, `Không có kỳ "${code}" của ${type.name.toLocaleLowerCase('vi')}`);
    return {
      code,
      label: row.title,
      start: row.start_date,
      end: row.end_date,
      due: row.due_date,
      periodId: row.report_period_id,
    };
  }
  const period = regularPeriod(type.period_kind, code);
  if (!period)
    throw badRequest(
      field,
      `Kỳ "${code}" không phải kỳ của ${type.name.toLocaleLowerCase('vi')} (ví dụ: ${periodsOfYear(type.period_kind, 2022)[0]!.code})`,
    );
  return { ...period, due: dueDate(period.end, type.due_offset_days ?? 0), periodId: null };
}

export async function listReportTypes(ctx: ServiceContext): Promise<ReportTypeView[]> {
  const [types, rules] = await Promise.all([repo.listTypes(ctx.db), repo.listRules(ctx.db)]);
  return types.map((t) => ({
    code: t.code,
    name: t.name,
    periodKind: t.period_kind,
    dueOffsetDays: t.due_offset_days,
    active: t.active,
    reminders: {
      enabled: t.reminder_enabled,
      daysBefore: t.reminder_days_before,
      afterDue: t.reminder_after_due,
      afterDueRecipient: t.reminder_after_due_recipient,
    },
    reporters: rules
      .filter((r) => r.report_type_code === t.code)
      .map((r) => ({ level: r.reporter_level, kind: r.reporter_kind, recipient: r.recipient })),
  }));
}

export async function updateReportType(
  ctx: ServiceContext,
  code: string,
  body: UpdateReportTypeBody,
): Promise<ReportTypeView> {
  await newTransaction(ctx.db, async (tx) => {
    const before = await repo.findType(tx, code);
    if (!before) throw notFound('Loại báo cáo');
    const offset = body.dueOffsetDays ?? null;
    if (before.period_kind === 'custom' && offset !== null)
      throw badRequest('dueOffsetDays', 'Báo cáo chuyên đề, đột xuất có hạn riêng cho từng kỳ, không theo số ngày');
    if (before.period_kind !== 'custom' && offset === null)
      throw badRequest('dueOffsetDays', 'Cần số ngày sau khi kết thúc kỳ là hạn nộp báo cáo');
    const reminders = body.reminders;
    const after = await repo.updateType(tx, code, {
      name: body.name.trim(),
      due_offset_days: offset,
      active: body.active,
      reminder_enabled: reminders?.enabled ?? before.reminder_enabled,
      reminder_days_before: reminders?.daysBefore ?? before.reminder_days_before,
      reminder_after_due: reminders?.afterDue ?? before.reminder_after_due,
      reminder_after_due_recipient: reminders?.afterDueRecipient ?? before.reminder_after_due_recipient,
    });
    await insertAudit(
      tx,
      ctx.actor,
      { action: 'update', entityType: 'report_type', entityId: code, before, after },
      ctx.clock.now(),
      ctx.ip,
    );
  });
  return (await listReportTypes(ctx)).find((t) => t.code === code)!;
}

/** Every period of the year of every active type, with its deadline, in order of deadline. */
export async function calendar(ctx: ServiceContext, year: number): Promise<CalendarPeriod[]> {
  const [types, custom] = await Promise.all([repo.listTypes(ctx.db), repo.listPeriods(ctx.db, year)]);
  const out: CalendarPeriod[] = [];
  for (const t of types.filter((x) => x.active)) {
    if (t.period_kind === 'custom') {
      for (const p of custom.filter((c) => c.report_type_code === t.code))
        out.push({
          type: t.code,
          typeName: t.name,
          code: `R${p.report_period_id}`,
          label: p.title,
          start: p.start_date,
          end: p.end_date,
          dueDate: p.due_date,
        });
      continue;
    }
    for (const p of periodsOfYear(t.period_kind, year))
      out.push({ type: t.code, typeName: t.name, ...p, dueDate: dueDate(p.end, t.due_offset_days ?? 0) });
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.type.localeCompare(b.type));
}

export async function createPeriod(ctx: ServiceContext, body: CreatePeriodBody): Promise<CalendarPeriod> {
  const id = await newTransaction(ctx.db, async (tx) => {
    const type = await repo.findType(tx, body.type);
    if (!type || !type.active) throw badRequest('type', `Không có loại báo cáo "${body.type}" đang dùng`);
    if (type.period_kind !== 'custom')
      throw badRequest('type', `Kỳ của ${type.name.toLocaleLowerCase('vi')} được tính sẵn theo lịch, không tạo riêng`);
    if (body.endDate < body.startDate) throw badRequest('endDate', 'Ngày kết thúc kỳ phải sau hoặc bằng ngày bắt đầu');
    if (body.dueDate < body.startDate) throw badRequest('dueDate', 'Hạn nộp không được trước ngày bắt đầu kỳ');
    const periodId = await repo.insertPeriod(tx, {
      type: type.code,
      title: body.title.trim(),
      start: body.startDate,
      end: body.endDate,
      due: body.dueDate,
      userId: ctx.actor.userId,
      now: ctx.clock.now(),
    });
    await insertAudit(
      tx,
      ctx.actor,
      { action: 'create', entityType: 'report_period', entityId: periodId, after: body },
      ctx.clock.now(),
      ctx.ip,
    );
    return periodId;
  });
  const row = (await repo.findPeriod(ctx.db, id))!;
  const type = (await repo.findType(ctx.db, row.report_type_code))!;
  return {
    type: type.code,
    typeName: type.name,
    code: `R${id}`,
    label: row.title,
    start: row.start_date,
    end: row.end_date,
    dueDate: row.due_date,
  };
}
