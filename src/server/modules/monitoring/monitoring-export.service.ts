// Exports: the mission report (.docx, Decree 30) and the recommendations register (.xlsx). Both show
// what the caller may read, through the same services as the API.
import type { ServiceContext } from '../../access/actor';
import { agencyMap } from '../reference/reference.service';
import { formatDateVi } from '../../common/format-vi';
import { renderMissionDocx, type MissionReportView } from './mission-docx';
import { getMission } from './missions.service';
import type { ListRecommendationsQuery, MissionView } from './monitoring.schemas';
import { addRegisterSheet, workbookBuffer, type RegisterColumn } from '../../common/register-xlsx';
import { listRecommendations } from './recommendations.service';

const FOLLOW_UP_LABELS = { open: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Đã hoàn thành' } as const;

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** "4.1 (Tham gia các đoàn …) của Kế hoạch số 16/KH-HLHPNVN-UBĐT". */
function activityLine(activity: NonNullable<MissionView['activity']>): string {
  const plan = activity.planNumber ? `Kế hoạch số ${activity.planNumber}` : `Kế hoạch "${activity.planTitle}"`;
  return `${activity.number} (${activity.title.trim().replace(/[.;]+$/, '')}) của ${plan}`;
}

export function reportView(
  mission: MissionView,
  lead: { name: string; governingBody: string | null },
): MissionReportView {
  const agencies = new Set([mission.leadAgency.id, ...mission.members.map((m) => m.agency.id)]);
  const head = mission.members.find((m) => m.role === 'head') ?? mission.members[0];
  const places = new Map(mission.places.map((p) => [p.id, p.label]));
  const addressees = [...new Set(mission.recommendations.map((r) => r.addressee.name))];
  return {
    issuers: [
      {
        governingBody: lead.name.toLocaleUpperCase('vi'),
        name: agencies.size > 1 ? 'ĐOÀN KIỂM TRA LIÊN NGÀNH' : 'ĐOÀN KIỂM TRA, GIÁM SÁT',
      },
    ],
    number: mission.report.number,
    place: mission.report.place,
    date: mission.report.date,
    title: mission.title,
    purpose: mission.purpose,
    activity: mission.activity ? activityLine(mission.activity) : null,
    startDate: mission.startDate,
    endDate: mission.endDate,
    members: mission.members.map((m) => ({ name: m.name, title: m.title, agency: m.agency.name, role: m.role })),
    places: mission.places.map((p) => ({ name: p.label, visitDate: p.visitDate, answers: p.answers })),
    checklist: mission.checklist ? { name: mission.checklist.name, items: mission.checklist.items } : null,
    findings: mission.findings.map((f) => ({
      text: f.text,
      place: f.placeId ? (places.get(f.placeId) ?? null) : null,
    })),
    conclusion: mission.report.conclusion,
    recommendations: mission.recommendations.map((r) => ({
      text: r.text,
      // "Đối với tỉnh Điện Biên": a province is written in lower case inside the sentence.
      addressee: r.addressee.kind === 'province' ? lowerFirst(r.addressee.name) : r.addressee.name,
      dueDate: r.dueDate,
    })),
    signature: { authority: 'TRƯỞNG ĐOÀN', position: '', signer: head?.name ?? '' },
    recipients: mission.report.recipients.length > 0 ? mission.report.recipients : [...addressees, 'Lưu: VT'],
  };
}

export async function missionReportDocx(ctx: ServiceContext, missionId: number) {
  const mission = await getMission(ctx, missionId);
  const at = mission.report.date ?? mission.endDate;
  const lead = (await agencyMap(ctx.db, [mission.leadAgency.id], at)).get(mission.leadAgency.id);
  const buffer = await renderMissionDocx(
    reportView(mission, { name: lead?.name ?? mission.leadAgency.name, governingBody: lead?.governingBody ?? null }),
  );
  return { buffer, filename: `bao-cao-doan-kiem-tra-${mission.id}.docx` };
}

const COLUMNS: RegisterColumn[] = [
  { header: 'STT', width: 6, kind: 'center' },
  { header: 'Đoàn kiểm tra, giám sát', width: 32 },
  { header: 'Nội dung kiến nghị', width: 50 },
  { header: 'Nơi nhận kiến nghị', width: 28 },
  { header: 'Thời hạn', width: 12, kind: 'center' },
  { header: 'Tình trạng', width: 16, kind: 'center' },
  { header: 'Quá hạn', width: 10, kind: 'center' },
  { header: 'Ngày hoàn thành', width: 14, kind: 'center' },
  { header: 'Kết quả thực hiện, minh chứng', width: 44 },
];

export async function recommendationsXlsx(ctx: ServiceContext, query: ListRecommendationsQuery) {
  const { items, today } = await listRecommendations(ctx, { ...query, limit: 500, offset: 0 });
  const rows = items.map((r, i) => ({
    values: [
      i + 1,
      r.mission.title,
      r.text,
      r.addressee.name,
      formatDateVi(r.dueDate),
      FOLLOW_UP_LABELS[r.status],
      r.overdue ? 'Quá hạn' : '',
      r.closedOn ? formatDateVi(r.closedOn) : '',
      [r.evidence, ...r.files.map((f) => `Tệp: ${f.fileName}`)].filter(Boolean).join('\n'),
    ],
    highlight: r.overdue,
  }));
  const buffer = await workbookBuffer((workbook) =>
    addRegisterSheet(
      workbook,
      'Kiến nghị',
      `SỔ THEO DÕI THỰC HIỆN KIẾN NGHỊ (đến ngày ${formatDateVi(today)})`,
      COLUMNS,
      rows,
    ),
  );
  return { buffer, filename: `so-theo-doi-kien-nghi-${today}.xlsx` };
}
