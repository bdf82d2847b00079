// The content part of a plan ("II. NỘI DUNG"): numbered areas, their "Nội dung" description,
// activities as bullets, numbered items or table rows, and the attribute lines that go with
// them ("Chủ trì: …; Phối hợp: …", "Thời gian thực hiện: …").
import {
  DEFAULT_SECTION_HEADINGS,
  type PlanActivityDoc,
  type PlanSectionDoc,
  type SectionHeadings,
  type Timeframe,
} from '../../../shared/plan-document';
import { parseTimeframeVi } from '../../../shared/period';
import { type PlanLine, isTableRow, itemText, letteredItem, numberedItem } from './plan-text-lines';
import {
  DEFAULT_COLUMNS,
  type Labelled,
  type TableColumns,
  extractOutputs,
  headingLabels,
  levelOf,
  outputsFromList,
  readLabels,
  readTableHeader,
  readTableRow,
  splitAgencies,
  splitTrailingLabels,
} from './plan-text-fields';

interface SectionDraft {
  doc: PlanSectionDoc;
  /** What a plain line means here: set by sub-headings such as "1.2. Các hoạt động cụ thể". */
  mode: 'open' | 'description' | 'activities' | 'timeframe';
  paragraphs: string[];
  /** "Chủ trì"/"Phối hợp" said for the whole section, given to activities that say nothing. */
  defaults: Pick<PlanActivityDoc, 'leadAgency' | 'partnerAgencies' | 'level'>;
  /** Activities followed by their own attribute lines: a later timeframe line is theirs too. */
  attributed: Set<PlanActivityDoc>;
  /** How the area is written, for the export: numbered sub-headings ("1.2. …") or lines only. */
  written: {
    subheadings: boolean;
    lines: boolean;
    activityLabel?: string;
    timeframeLabel?: string;
    descriptionLabel?: string;
  };
}

export interface ContentDraft {
  sections: SectionDraft[];
  current: SectionDraft | null;
  /** Columns of the activity table being read, from its header row. */
  table: TableColumns | null;
  /** The plan's year, for timeframes that name none ("Từ quý I đến quý IV"). */
  year: number | undefined;
  /** Label words read since the caller last took them: recorded, since the structure keeps only values. */
  labels: string[];
}

export function newContentDraft(): ContentDraft {
  return { sections: [], current: null, table: null, year: undefined, labels: [] };
}

/** A new Roman-numbered part starts: areas continue their numbering, tables do not. */
export function startContentPart(c: ContentDraft, year: number | undefined): void {
  c.current = null;
  c.table = null;
  c.year = year;
}

/** An area that the text opens by itself: "Điều 2. Nội dung phối hợp" of a Quy chế. */
export function openArea(c: ContentDraft, number: string, title: string): void {
  openSection(c, number, title);
}

function openSection(c: ContentDraft, number: string, title: string): SectionDraft {
  const section: SectionDraft = {
    doc: { number, title: title.replace(/[:.]$/, '').trim(), description: '', activities: [], timeframe: null },
    mode: 'open',
    paragraphs: [],
    defaults: { leadAgency: null, partnerAgencies: [], level: null },
    attributed: new Set(),
    written: { subheadings: false, lines: false },
  };
  c.sections.push(section);
  c.current = section;
  return section;
}

/** A new area needs a number above the current one: "1." under area 2 is a numbered item. */
function startsSection(c: ContentDraft, number: string): boolean {
  const current = Number(c.current?.doc.number);
  return !c.current || !Number.isInteger(current) || Number(number) > current;
}

/** Places one line of a content part ("II. NỘI DUNG"); false when it fits nowhere. */
export function placeContentLine(c: ContentDraft, line: PlanLine): boolean {
  if (isTableRow(line)) return placeTableRow(c, line);
  const numbered = numberedItem(line.text);
  if (numbered?.depth === 1 && startsSection(c, numbered.number)) {
    openSection(c, numbered.number, numbered.text);
    return true;
  }
  const section = c.current;
  if (!section) return false;
  const subheading = numbered && numbered.depth >= 2 ? numbered.text : letteredItem(line.text);
  if (subheading !== null) {
    const labels = headingLabels(subheading);
    if (labels) return applyLabels(c, section, labels, true);
    if (numbered?.depth === 2) {
      section.written.subheadings = true;
      section.mode = 'activities';
      addActivity(c, section, subheading);
      return true;
    }
  }
  const labels = readLabels(itemText(line.text));
  if (labels) return applyLabels(c, section, labels, false);
  return placeSectionLine(c, section, line);
}

function placeSectionLine(c: ContentDraft, section: SectionDraft, line: PlanLine): boolean {
  const item = itemText(line.text);
  section.written.lines = true;
  switch (section.mode) {
    case 'timeframe': {
      section.mode = 'open';
      const timeframe = parseTimeframeVi(item, c.year);
      // A second timeframe of one area ("+ … trước ngày 15/12", "+ … trước ngày 31/12") stays as text.
      if (timeframe && section.doc.timeframe) section.paragraphs.push(line.text);
      else if (timeframe) setSectionTimeframe(section, timeframe, /([;,.]*)\s*$/.exec(item)![1]);
      return timeframe !== null;
    }
    case 'description':
      section.paragraphs.push(line.text);
      return true;
    case 'activities':
      addActivity(c, section, item);
      return true;
    case 'open':
      if (item === line.text) section.paragraphs.push(line.text);
      else addActivity(c, section, item);
      return true;
  }
}

function addActivity(c: ContentDraft, section: SectionDraft, text: string): void {
  const { title, labels } = splitTrailingLabels(text);
  section.doc.activities.push({
    title,
    timeframe: null,
    leadAgency: null,
    partnerAgencies: [],
    level: null,
    outputs: extractOutputs(title),
  });
  if (labels.length > 0) applyLabels(c, section, labels, false);
}

/**
 * Applies labelled lines. Under a numbered sub-heading they speak for the whole section; as
 * plain or bullet lines, attributes go to the activity above them. A timeframe line goes to that
 * activity only once it has attributes of its own (otherwise it closes the section, as in
 * "- Thời gian thực hiện: tháng 12/2022.").
 */
function applyLabels(c: ContentDraft, section: SectionDraft, labels: Labelled[], forSection: boolean): boolean {
  const activities = section.doc.activities;
  const last = forSection ? undefined : activities[activities.length - 1];
  const ownsAttributes = (a: PlanActivityDoc | undefined): a is PlanActivityDoc =>
    a !== undefined && (section.attributed.has(a) || labels.some((l) => l.kind === 'lead' || l.kind === 'partners'));
  let placed = true;
  if (forSection) section.written.subheadings = true;
  else section.written.lines = true;
  c.labels.push(...labels.map((l) => (l.kind === 'level' ? `${l.label}: ${l.value}` : l.label)));
  for (const { kind, value, label, end } of labels) {
    // A sub-heading of the area keeps its own words, for the export ("1.1. Nội dung tuyên truyền");
    // the usual words need no keeping.
    const heading = kind === 'activity' ? 'activities' : kind;
    if (forSection && (heading === 'activities' || heading === 'description' || heading === 'timeframe')) {
      const words = label.replace(/\s*:$/, '').trim();
      if (words !== DEFAULT_SECTION_HEADINGS[heading])
        section.doc.headings = { ...section.doc.headings, [heading]: words };
    }
    if (kind === 'activity') {
      if (value) addActivity(c, section, value);
      else section.mode = 'activities';
      if (value && !forSection) section.written.activityLabel ??= label.trim();
    } else if (kind === 'description') {
      // A description is text: it keeps its full stop ("- Nội dung: rà soát các văn bản ….").
      if (value) section.paragraphs.push(`${value}${end ?? ''}`);
      else section.mode = 'description';
      if (value && !forSection && section.paragraphs.length === 1) section.written.descriptionLabel ??= label.trim();
    } else if (kind === 'timeframe') {
      if (!value) section.mode = 'timeframe';
      const timeframe = value ? parseTimeframeVi(value, c.year) : null;
      if (value && !timeframe) placed = false;
      else if (timeframe && ownsAttributes(last)) last.timeframe = timeframe;
      else if (timeframe && section.doc.timeframe) section.paragraphs.push(timeframe.text ?? value);
      else if (timeframe) {
        setSectionTimeframe(section, timeframe, labels.at(-1)?.kind === 'timeframe' ? labels.at(-1)!.end : undefined);
        if (!forSection) section.written.timeframeLabel = label.trim();
      }
    } else if (kind === 'outputs') {
      if (last) last.outputs.push(...outputsFromList(value));
      else placed = false;
    } else {
      const target = last ?? section.defaults;
      // "Chủ trì" said twice for one activity or area: the second stays as text, not overwriting the first.
      const said = kind === 'lead' ? target.leadAgency : kind === 'partners' ? target.partnerAgencies.length > 0 : null;
      if (said && value) section.paragraphs.push(value);
      else if (kind === 'lead') target.leadAgency = value || null;
      else if (kind === 'partners') target.partnerAgencies = splitAgencies(value);
      if (kind === 'level') target.level = levelOf(value);
    }
    if (last && kind !== 'activity' && kind !== 'description') section.attributed.add(last);
  }
  return placed;
}

/** The area's own timeframe, with the punctuation the source put after it ("tháng 12/2022."). */
function setSectionTimeframe(section: SectionDraft, timeframe: Timeframe, end: string | undefined): void {
  section.doc.timeframe = timeframe;
  if (end) section.doc.headings = { ...section.doc.headings, timeframeEnd: end };
}

function placeTableRow(c: ContentDraft, line: PlanLine): boolean {
  const header = readTableHeader(line.cells);
  if (header) {
    c.table = header;
    c.labels.push(...line.cells.filter(Boolean));
    return true;
  }
  const row = readTableRow(line.cells, c.table ?? DEFAULT_COLUMNS, c.year);
  if (!row) return false;
  if (row.kind === 'group') {
    openSection(c, row.number, row.title);
    return true;
  }
  const section = c.current ?? openSection(c, '', '');
  section.doc.activities.push(row.activity);
  return true;
}

function finishSection(section: SectionDraft): PlanSectionDoc {
  const { doc, defaults } = section;
  // A task written as a numbered area with its own "Cơ quan chủ trì"/"Phối hợp" lines is one activity.
  const single = doc.activities.length === 0 && (defaults.leadAgency || defaults.partnerAgencies.length > 0);
  const own: PlanActivityDoc[] = single
    ? [
        {
          title: doc.title,
          timeframe: null,
          leadAgency: null,
          partnerAgencies: [],
          level: null,
          outputs: extractOutputs(doc.title),
        },
      ]
    : doc.activities;
  const activities = own.map((activity) => ({
    ...activity,
    timeframe: activity.timeframe ?? (doc.timeframe ? { ...doc.timeframe } : null),
    leadAgency: activity.leadAgency ?? defaults.leadAgency,
    partnerAgencies: activity.partnerAgencies.length > 0 ? activity.partnerAgencies : [...defaults.partnerAgencies],
    level: activity.level ?? defaults.level,
  }));
  return { ...doc, description: section.paragraphs.join('\n'), activities, ...writtenHeadings(section) };
}

/** An area written without numbered sub-headings keeps that form, and the labels it gave its lines. */
function writtenHeadings(section: SectionDraft): Pick<PlanSectionDoc, 'headings'> {
  const { written } = section;
  if (!written.lines || written.subheadings) return section.doc.headings ? { headings: section.doc.headings } : {};
  const headings: SectionHeadings = { ...section.doc.headings, plain: true };
  if (written.activityLabel) headings.activities = written.activityLabel;
  if (written.descriptionLabel) headings.description = written.descriptionLabel;
  if (written.timeframeLabel && written.timeframeLabel !== DEFAULT_SECTION_HEADINGS.timeframe)
    headings.timeframe = written.timeframeLabel;
  return { headings };
}

/** The sections as the plan document holds them: section-wide timeframe and agencies copied down. */
export function finishSections(c: ContentDraft): PlanSectionDoc[] {
  return c.sections.map(finishSection);
}
