// A joint plan (Kế hoạch phối hợp) as a Decree 30 .docx. One paragraph per element and plain
// "N." / "N.k." / "- " prefixes, so that docxToText + parsePlanText read the export back.
import type { FileChild } from 'docx';
import type {
  ActivityLevel,
  ExpectedOutput,
  PlanActivityDoc,
  PlanDocument,
  PlanSectionDoc,
  ResponsibilityDoc,
  Timeframe,
} from '../../../shared/plan-document';
import { DEFAULT_SECTION_HEADINGS } from '../../../shared/plan-document';
import { formatTimeframeVi, isPeriodRef } from '../../../shared/period';
import {
  bodyParagraphs,
  bulletParagraph,
  closingBlock,
  decree30Document,
  formatNumberLine,
  formatVietnameseDate,
  headerTable,
  noteParagraph,
  packDocx,
  partHeading,
  sectionHeading,
  subsectionHeading,
  titleBlock,
  type IssuerHeader,
} from '../../documents/decree30-docx';

/** The plan plus what the server resolved for the header: agency names as of the plan's date. */
export interface PlanDocxView extends PlanDocument {
  /** Lead first, e.g. [{ governingBody: 'HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM', name: 'ĐOÀN CHỦ TỊCH' }, { name: 'ỦY BAN DÂN TỘC' }]. */
  issuerHeaders: IssuerHeader[];
}

type Block = FileChild;

export async function renderPlanDocx(view: PlanDocxView): Promise<Buffer> {
  const document = decree30Document({
    title: `${view.documentType} ${view.number}`.trim(),
    children: planBlocks(view),
  });
  return packDocx(document);
}

/** Every block of the document, top to bottom. */
export function planBlocks(view: PlanDocxView): Block[] {
  const issuers = view.issuerHeaders.length > 0 ? view.issuerHeaders : view.issuers.map((name) => ({ name }));
  const parts: { title: string; blocks: Block[] }[] = [
    { title: 'MỤC ĐÍCH, YÊU CẦU', blocks: purposeBlocks(view) },
    { title: 'NỘI DUNG', blocks: view.sections.flatMap((section, i) => sectionBlocks(section, i)) },
    { title: 'TỔ CHỨC THỰC HIỆN', blocks: view.responsibilities.flatMap(responsibilityBlocks) },
    { title: 'KINH PHÍ THỰC HIỆN', blocks: bodyParagraphs(view.funding, { keepLastWithNext: true }) },
  ];
  const present = parts.filter((part) => part.blocks.length > 0);
  return [
    headerTable({
      issuers,
      numberLine: formatNumberLine(view.number),
      placeDate: formatVietnameseDate(view.place, view.issuedOn),
    }),
    ...titleBlock(view.documentType || 'KẾ HOẠCH', view.title),
    ...bodyParagraphs(view.preamble),
    ...present.flatMap((part, i) => [partHeading(romanNumeral(i + 1), part.title), ...part.blocks]),
    ...closingBlock(view.signatures, view.recipients),
  ];
}

function purposeBlocks(plan: PlanDocument): Block[] {
  const lists = [
    { title: 'Mục đích', items: plan.purposes },
    { title: 'Yêu cầu', items: plan.requirements },
  ].filter((list) => list.items.length > 0);
  return lists.flatMap((list, i) => [sectionHeading(String(i + 1), list.title), ...list.items.map(bulletParagraph)]);
}

function sectionBlocks(section: PlanSectionDoc, index: number): Block[] {
  const number = section.number.trim() || String(index + 1);
  const description = bodyParagraphs(section.description);
  const timeframe = formatPlanTimeframe(section.timeframe);
  const timeframeEnd = section.headings?.timeframeEnd ?? '';
  const blocks: Block[] = [sectionHeading(number, section.title)];
  const activityBlocks = (label?: string) =>
    section.activities.flatMap((activity) => {
      const attributes = activityAttributes(activity, section);
      return [
        bulletParagraph(label ? `${label}: ${activity.title}` : activity.title),
        ...(attributes === null ? [] : [noteParagraph(attributes)]),
      ];
    });

  // An area the source wrote as lines ("- Hoạt động: …", "- Thời gian thực hiện: …") prints so.
  // The area's timeframe line comes last, as in the plans that write them so; but under an activity's
  // attribute line it would read as that activity's own, so then it comes first.
  if (section.headings?.plain) {
    const label = section.headings.timeframe ?? DEFAULT_SECTION_HEADINGS.timeframe;
    // "- Nội dung: …" when the source labelled its description so.
    const [firstParagraph, ...otherParagraphs] = section.description.split('\n');
    const description =
      section.headings.description && firstParagraph?.trim()
        ? [
            bulletParagraph(`${section.headings.description}: ${firstParagraph.trim()}`),
            ...bodyParagraphs(otherParagraphs.join('\n')),
          ]
        : bodyParagraphs(section.description);
    const timeframeLine = timeframe === null ? [] : [bulletParagraph(`${label}: ${timeframe}${timeframeEnd}`)];
    const last = section.activities.at(-1);
    // An area that is itself the task ("1. Tổ chức tuyên truyền …" / "- Cơ quan thực hiện: …") holds
    // one activity of its own title: its attributes follow the heading, the title is not said twice.
    const only = section.activities.length === 1 ? section.activities[0]! : undefined;
    if (only && only.title === section.title) {
      const attributes = activityAttributes(only, section);
      blocks.push(...description, ...(attributes === null ? [] : [noteParagraph(attributes)]), ...timeframeLine);
      return blocks;
    }
    const first = last !== undefined && activityAttributes(last, section) !== null;
    blocks.push(...description, ...(first ? timeframeLine : []), ...activityBlocks(section.headings.activities));
    if (!first) blocks.push(...timeframeLine);
    return blocks;
  }

  // The sub-headings as the plan wrote them ("1.1. Nội dung tuyên truyền"), else the usual words.
  const headings = { ...DEFAULT_SECTION_HEADINGS, ...section.headings };
  let sub = 0;
  if (description.length > 0) {
    blocks.push(subsectionHeading(`${number}.${++sub}`, headings.description), ...description);
  }
  if (section.activities.length > 0) {
    blocks.push(subsectionHeading(`${number}.${++sub}`, headings.activities), ...activityBlocks());
  }
  if (timeframe !== null)
    blocks.push(subsectionHeading(`${number}.${++sub}`, headings.timeframe, `${timeframe}${timeframeEnd}`));
  return blocks;
}

const LEVEL_WORDS: Record<ActivityLevel, string> = { central: 'Trung ương', provincial: 'tỉnh', commune: 'xã' };

function sameTimeframe(a: Timeframe | null, b: Timeframe | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

/** "01 chương trình …": a target the text does not spell out is written in front of it. */
function formatOutput(output: ExpectedOutput): string {
  if (output.target === undefined || new RegExp(`\\b0*${output.target}\\b`).test(output.text)) return output.text;
  return `${String(output.target).padStart(2, '0')} ${output.text}`;
}

/**
 * The attributes an activity has beyond its title, as one labelled line the plan parser reads
 * back ("Chủ trì: …; phối hợp: …; cấp: …; sản phẩm: …; thời gian thực hiện: …"). The timeframe
 * is written only when it differs from the section's, and last: a labelled line that starts
 * with a timeframe is read as the section's.
 */
export function activityAttributes(activity: PlanActivityDoc, section: PlanSectionDoc): string | null {
  const parts: string[] = [];
  if (activity.leadAgency) parts.push(`Chủ trì: ${activity.leadAgency}`);
  if (activity.partnerAgencies.length > 0) parts.push(`phối hợp: ${activity.partnerAgencies.join(', ')}`);
  if (activity.level) parts.push(`cấp: ${LEVEL_WORDS[activity.level]}`);
  // A target the title already states ("ít nhất là 01 Chương trình …") is not repeated.
  const outputs = activity.outputs.filter((output) => !titleStatesTarget(activity.title, output));
  if (outputs.length > 0) parts.push(`sản phẩm: ${outputs.map(formatOutput).join('; ')}`);
  const timeframe = sameTimeframe(activity.timeframe, section.timeframe)
    ? null
    : formatPlanTimeframe(activity.timeframe);
  if (timeframe) parts.push(`thời gian thực hiện: ${timeframe}`);
  if (parts.length === 0) return null;
  const line = parts.join('; ');
  return `${line.charAt(0).toLocaleUpperCase('vi')}${line.slice(1)}.`;
}

function titleStatesTarget(title: string, output: PlanActivityDoc['outputs'][number]): boolean {
  if (output.target === undefined || !title.includes(output.text)) return false;
  return new RegExp(`(^|\\D)0*${output.target}(\\D|$)`).test(title);
}

function responsibilityBlocks(responsibility: ResponsibilityDoc, index: number): Block[] {
  return [sectionHeading(String(index + 1), responsibility.actor), ...responsibility.tasks.map(bulletParagraph)];
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function romanNumeral(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

/** The timeframe as printed: the source's own words when kept, else built from start/end. */
export function formatPlanTimeframe(timeframe: Timeframe | null): string | null {
  if (timeframe === null) return null;
  if (timeframe.text && timeframe.text.trim() !== '') return timeframe.text.trim();
  if (!isPeriodRef(timeframe.start) || !isPeriodRef(timeframe.end)) {
    return timeframe.start === timeframe.end ? timeframe.start : `Từ ${timeframe.start} đến ${timeframe.end}`;
  }
  return formatTimeframeVi(timeframe);
}
