// What changed between two versions of a plan, in words a reader understands: sections and
// activities are matched by their keys, so a reordering or a retitling is not "delete + add".
import type { PlanActivity, PlanContent, PlanSection } from './plan';
import { formatTimeframeVi } from './period';

export interface PlanChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  /** Where, e.g. "Nội dung 2 › Hoạt động 3 › Thời gian". */
  where: string;
  before?: string;
  after?: string;
}

const timeframe = (tf: PlanActivity['timeframe']) => (tf ? formatTimeframeVi(tf) : '');
const list = (items: string[]) => items.join('\n');

function field(changes: PlanChange[], where: string, before: string, after: string) {
  if (before !== after) changes.push({ kind: 'changed', where, before, after });
}

/** The document fields compared as text (each a string or null). */
type DocField = 'number' | 'issuedOn' | 'place' | 'title' | 'preamble' | 'programme';

const DOC_FIELDS: [DocField, string][] = [
  ['number', 'Số, ký hiệu'],
  ['issuedOn', 'Ngày ban hành'],
  ['place', 'Địa danh'],
  ['title', 'Trích yếu'],
  ['preamble', 'Phần mở đầu'],
  ['programme', 'Chương trình'],
];

function activityChanges(changes: PlanChange[], where: string, a: PlanActivity, b: PlanActivity) {
  field(changes, `${where} › Nội dung`, a.title, b.title);
  field(changes, `${where} › Thời gian`, timeframe(a.timeframe), timeframe(b.timeframe));
  field(changes, `${where} › Cơ quan chủ trì`, String(a.leadAgencyId ?? ''), String(b.leadAgencyId ?? ''));
  field(changes, `${where} › Cơ quan phối hợp`, a.partnerAgencyIds.join(', '), b.partnerAgencyIds.join(', '));
  field(changes, `${where} › Cấp thực hiện`, a.level ?? '', b.level ?? '');
  const outputs = (x: PlanActivity) =>
    x.outputs.map((o) => (o.target === undefined ? o.text : `${o.text} (chỉ tiêu ${o.target})`));
  field(changes, `${where} › Sản phẩm`, list(outputs(a)), list(outputs(b)));
}

function sectionChanges(changes: PlanChange[], a: PlanSection, b: PlanSection) {
  const where = `Nội dung ${b.number}`;
  if (a.number !== b.number) changes.push({ kind: 'moved', where, before: `Nội dung ${a.number}`, after: where });
  field(changes, `${where} › Tên`, a.title, b.title);
  field(changes, `${where} › Mô tả`, a.description, b.description);
  field(changes, `${where} › Thời gian`, timeframe(a.timeframe), timeframe(b.timeframe));
  const before = new Map(a.activities.map((x, i) => [x.key, { x, i }]));
  const afterKeys = new Set(b.activities.map((x) => x.key));
  b.activities.forEach((activity, i) => {
    const label = `${where} › Hoạt động ${i + 1}`;
    const old = before.get(activity.key);
    if (!old) changes.push({ kind: 'added', where: label, after: activity.title });
    else {
      if (old.i !== i)
        changes.push({ kind: 'moved', where: label, before: `Hoạt động ${old.i + 1}`, after: `Hoạt động ${i + 1}` });
      activityChanges(changes, label, old.x, activity);
    }
  });
  a.activities.forEach((activity, i) => {
    if (!afterKeys.has(activity.key))
      changes.push({ kind: 'removed', where: `${where} › Hoạt động ${i + 1} (cũ)`, before: activity.title });
  });
}

export function diffPlanContent(a: PlanContent, b: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const [key, label] of DOC_FIELDS) field(changes, label, a[key] ?? '', b[key] ?? '');
  field(changes, 'Mục đích', list(a.purposes), list(b.purposes));
  field(changes, 'Yêu cầu', list(a.requirements), list(b.requirements));
  const before = new Map(a.sections.map((s) => [s.key, s]));
  const afterKeys = new Set(b.sections.map((s) => s.key));
  for (const section of b.sections) {
    const old = before.get(section.key);
    if (old) sectionChanges(changes, old, section);
    else changes.push({ kind: 'added', where: `Nội dung ${section.number}`, after: section.title });
  }
  for (const section of a.sections) {
    if (!afterKeys.has(section.key))
      changes.push({ kind: 'removed', where: `Nội dung ${section.number} (cũ)`, before: section.title });
  }
  const resp = (c: PlanContent) => list(c.responsibilities.map((r) => `${r.actor}: ${r.tasks.join('; ')}`));
  field(changes, 'Tổ chức thực hiện', resp(a), resp(b));
  field(changes, 'Kinh phí', a.funding.text, b.funding.text);
  const sig = (c: PlanContent) => list(c.signatures.map((s) => `${s.authority} / ${s.position} / ${s.signer}`));
  field(changes, 'Chữ ký', sig(a), sig(b));
  field(changes, 'Nơi nhận', list(a.recipients), list(b.recipients));
  return changes;
}
