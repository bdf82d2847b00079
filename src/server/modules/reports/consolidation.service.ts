// The central picture of a period: every expected report (each reporter the rules name) with its
// status — not started, draft, submitted, approved, returned — and whether it is late; reminders
// to the late as in-app notifications, and by e-mail when SMTP is configured.
import type { ServiceContext } from '../../access/actor';
import { badRequest } from '../../http/errors';
import { EXPECTED_STATUSES, isLate, type ExpectedStatus } from '../../../shared/report-periods';
import { roleHas, isRole } from '../../../shared/permissions';
import { insertAudit } from '../audit/audit.service';
import { agencyMap, provinceNames } from '../reference/reference.service';
import { resolvePeriod } from './report-calendar';
import { deliverMail, enqueueMail, type Mail } from '../mail/mail.service';
import * as repo from './reports.repo';
import type { ConsolidationQuery, ConsolidationView, RemindBody } from './reports.schemas';
import { today } from '../../common/today';
import { formatDateVi } from '../../common/format-vi';
import { newTransaction } from '../../db/transaction';
import { notify } from '../notifications/notifications.service';

export async function consolidation(ctx: ServiceContext, query: ConsolidationQuery): Promise<ConsolidationView> {
  const type = await repo.findType(ctx.db, query.type);
  if (!type) throw badRequest('type', `Không có loại báo cáo "${query.type}"`);
  const period = await resolvePeriod(ctx.db, type, query.period);
  const day = today(ctx);
  const [expected, reports] = await Promise.all([
    repo.expectedReporters(ctx.db, type.code),
    repo.reportsOfPeriod(ctx.db, ctx.actor, type.code, period.code),
  ]);
  // National actors see every reporter; a provincial actor only the offices of their provinces.
  const visible = expected.filter(
    (e) => ctx.actor.nationalScope || (e.level === 'provincial' && ctx.actor.provinces.includes(e.province_code ?? '')),
  );
  const byAgency = new Map(reports.map((r) => [r.agency_id, r]));
  const [agencies, names] = await Promise.all([
    agencyMap(
      ctx.db,
      visible.flatMap((e) => [e.agency_id, e.recipient_agency_id]),
      period.end,
    ),
    provinceNames(
      ctx.db,
      visible.flatMap((e) => (e.province_code ? [e.province_code] : [])),
    ),
  ]);
  const counts: Record<string, number> = Object.fromEntries([...EXPECTED_STATUSES, 'late'].map((s) => [s, 0]));
  const rows = visible.map((e) => {
    const report = byAgency.get(e.agency_id);
    const status: ExpectedStatus = report?.status ?? 'not_started';
    const late = isLate(status, report?.due_date ?? period.due, day);
    counts[status]!++;
    if (late) counts.late!++;
    const province = e.level === 'central' ? null : e.province_code;
    return {
      agency: { id: e.agency_id, name: agencies.get(e.agency_id)?.name ?? String(e.agency_id) },
      level: e.level,
      province: province ? { code: province, name: names.get(province) ?? province } : null,
      recipient: { id: e.recipient_agency_id, name: agencies.get(e.recipient_agency_id)?.name ?? '' },
      status,
      late,
      reportId: report?.report_id ?? null,
      submittedAt: report?.submitted_at ? new Date(report.submitted_at).toISOString() : null,
    };
  });
  return {
    type: { code: type.code, name: type.name },
    period: { code: period.code, label: period.label, start: period.start, end: period.end },
    dueDate: period.due,
    today: day,
    counts,
    rows,
  };
}

/** Notifies the report writers of every late reporter the caller sees; e-mails them when SMTP is set. */
export async function remindLate(ctx: ServiceContext, body: RemindBody) {
  const view = await consolidation(ctx, body);
  const late = view.rows.filter((r) => r.late);
  const writers = (
    await repo.reportWriters(
      ctx.db,
      late.map((r) => r.agency.id),
    )
  ).filter((u) => isRole(u.role) && roleHas(u.role, 'report:write'));
  const title = `Nhắc nộp ${view.type.name.toLocaleLowerCase('vi')}: ${view.period.label}`;
  const notifications = writers.map((u) => {
    const row = late.find((r) => r.agency.id === u.agency_id)!;
    const what =
      row.status === 'not_started'
        ? 'chưa được lập'
        : row.status === 'returned'
          ? 'bị trả lại, chưa gửi lại'
          : 'chưa được gửi';
    return {
      user_id: u.user_id,
      kind: 'report_reminder',
      title,
      body: `${view.type.name} (${view.period.label}) của ${row.agency.name} ${what}; hạn nộp ${formatDateVi(view.dueDate)} đã qua. Đề nghị hoàn thành và gửi ${row.recipient.name}.`,
      link: row.reportId ? `/reports/${row.reportId}` : `/reports?year=${view.period.end.slice(0, 4)}`,
      report_id: row.reportId,
    };
  });
  const mails: Mail[] = writers.flatMap((u, i) =>
    u.email
      ? [
          {
            to: u.email,
            subject: title,
            text: `Kính gửi ${u.display_name},\n\n${notifications[i]!.body}\n\nHệ thống Phối hợp`,
          },
        ]
      : [],
  );
  // The mails go through the outbox with the notifications, as the scheduled reminders do: a refused
  // send is tried again by the sender, never lost with the request.
  const emails = await newTransaction(ctx.db, async (tx) => {
    await notify(tx, notifications, ctx.clock.now());
    const queued = await enqueueMail(tx, ctx.config, mails, ctx.clock.now());
    await insertAudit(
      tx,
      ctx.actor,
      {
        action: 'remind',
        entityType: 'report_period',
        entityId: `${view.type.code}:${view.period.code}`,
        after: { agencies: late.map((r) => r.agency.id), users: writers.map((u) => u.user_id) },
      },
      ctx.clock.now(),
      ctx.ip,
    );
    return queued;
  });
  // Sent now rather than at the sender's next round; what fails stays queued for it.
  await deliverMail({ db: ctx.db, config: ctx.config, clock: ctx.clock });
  return { agencies: late.length, notifications: notifications.length, emails };
}
