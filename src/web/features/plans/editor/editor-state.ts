// The editor's working copy of a plan: plain strings where the user types (a target is text
// until saved), stable keys for sections and activities (records and diffs refer to them), and
// the conversions to and from the API. Pure, tested in editor-state.test.ts.
import { comparePeriods, parsePeriodRef } from '../../../../shared/period';
import type { Level } from '../plan-labels';
import type { PlanMessageKey } from '../messages.vi';
import type { CreatePlanBody, PlanContentInput, PlanView, Timeframe, UpdatePlanBody } from '../plan-types';
import type { SectionHeadings } from '../../../../shared/plan-document';

export interface DraftOutput {
  text: string;
  target: string;
  unit: string;
}

export interface DraftActivity {
  key: string;
  title: string;
  timeframe: Timeframe | null;
  leadAgencyId: number | null;
  partnerAgencyIds: number[];
  level: Level | '';
  outputs: DraftOutput[];
  centralActivityKey: string | null;
  /** Added in this session: opened for editing at once. */
  isNew?: boolean;
}

export interface DraftSection {
  key: string;
  title: string;
  description: string;
  timeframe: Timeframe | null;
  activities: DraftActivity[];
  /** The sub-headings as the source wrote them: not edited here, kept for the export. */
  headings?: SectionHeadings;
}

export interface DraftResponsibility {
  actor: string;
  agencyId: number | null;
  tasks: string[];
}

export interface DraftSignature {
  agencyId: number | null;
  authority: string;
  position: string;
  signer: string;
}

export interface PlanDraft {
  kind: 'central' | 'provincial';
  year: number;
  provinceCode: string;
  issuerIds: number[];
  number: string;
  issuedOn: string;
  place: string;
  title: string;
  preamble: string;
  programme: string;
  purposes: string[];
  requirements: string[];
  sections: DraftSection[];
  responsibilities: DraftResponsibility[];
  fundingText: string;
  fundingSources: string[];
  signatures: DraftSignature[];
  recipients: string[];
}

/** Problems found before saving: the field's path (as the server names it) → message. */
export type Problems = Record<string, PlanMessageKey>;

/** A key like the server's (base64url), so a section or activity keeps its identity from the start. */
export function newKey(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function emptyDraft(options: {
  kind: 'central' | 'provincial';
  year: number;
  provinceCode: string;
  agencyId: number;
  place: string;
}): PlanDraft {
  return {
    kind: options.kind,
    year: options.year,
    provinceCode: options.provinceCode,
    issuerIds: [options.agencyId],
    number: '',
    issuedOn: '',
    place: options.place,
    title: '',
    preamble: '',
    programme: '',
    purposes: [],
    requirements: [],
    sections: [],
    responsibilities: [],
    fundingText: '',
    fundingSources: [],
    signatures: [],
    recipients: [],
  };
}

export function newSection(): DraftSection {
  return { key: newKey(), title: '', description: '', timeframe: null, activities: [] };
}

export function newActivity(timeframe: Timeframe | null): DraftActivity {
  return {
    key: newKey(),
    title: '',
    timeframe: timeframe && { start: timeframe.start, end: timeframe.end },
    leadAgencyId: null,
    partnerAgencyIds: [],
    level: '',
    outputs: [],
    centralActivityKey: null,
    isNew: true,
  };
}

function asLevel(level: string | null): Level | '' {
  return level === 'central' || level === 'provincial' || level === 'commune' ? level : '';
}

export function draftFromPlan(plan: PlanView): PlanDraft {
  return {
    kind: plan.kind,
    year: plan.year,
    provinceCode: plan.provinceCode ?? '',
    issuerIds: plan.issuers.map((i) => i.id),
    number: plan.number,
    issuedOn: plan.issuedOn ?? '',
    place: plan.place,
    title: plan.title,
    preamble: plan.preamble,
    programme: plan.programme ?? '',
    purposes: [...plan.purposes],
    requirements: [...plan.requirements],
    sections: plan.sections.map((s) => ({
      key: s.key,
      title: s.title,
      description: s.description,
      timeframe: s.timeframe,
      ...(s.headings ? { headings: s.headings } : {}),
      activities: s.activities.map((a) => ({
        key: a.key,
        title: a.title,
        timeframe: a.timeframe,
        leadAgencyId: a.leadAgency?.id ?? null,
        partnerAgencyIds: a.partnerAgencies.map((p) => p.id),
        level: asLevel(a.level),
        outputs: a.outputs.map((o) => ({
          text: o.text,
          target: o.target === undefined ? '' : String(o.target),
          unit: o.unit ?? '',
        })),
        centralActivityKey: a.centralActivityKey,
      })),
    })),
    responsibilities: plan.responsibilities.map((r) => ({
      actor: r.actor,
      agencyId: r.agency?.id ?? null,
      tasks: [...r.tasks],
    })),
    fundingText: plan.funding.text,
    fundingSources: [...plan.funding.sources],
    signatures: plan.signatures.map((s) => ({
      agencyId: s.agency?.id ?? null,
      authority: s.authority,
      position: s.position,
      signer: s.signer,
    })),
    recipients: [...plan.recipients],
  };
}

const filled = (items: string[]) => items.map((s) => s.trim()).filter(Boolean);
const isBlankOutput = (o: DraftOutput) => !o.text.trim() && !o.target.trim() && !o.unit.trim();

/** "1,5" or "1.5" typed by the user → 1.5; null when it is not a number. */
export function parseTarget(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  return Number(clean);
}

export function toContent(d: PlanDraft): PlanContentInput {
  return {
    number: d.number.trim(),
    issuedOn: d.issuedOn || null,
    place: d.place.trim(),
    title: d.title.trim(),
    preamble: d.preamble.trim(),
    purposes: filled(d.purposes),
    requirements: filled(d.requirements),
    programme: d.programme.trim() || null,
    sections: d.sections.map((s) => ({
      key: s.key,
      title: s.title.trim(),
      description: s.description.trim(),
      timeframe: s.timeframe,
      ...(s.headings ? { headings: s.headings } : {}),
      activities: s.activities.map((a) => ({
        key: a.key,
        title: a.title.trim(),
        timeframe: a.timeframe,
        leadAgencyId: a.leadAgencyId,
        partnerAgencyIds: a.partnerAgencyIds,
        level: a.level || null,
        outputs: a.outputs
          .filter((o) => !isBlankOutput(o))
          .map((o) => {
            const target = parseTarget(o.target);
            return {
              text: o.text.trim(),
              ...(target === null ? {} : { target }),
              ...(o.unit.trim() ? { unit: o.unit.trim() } : {}),
            };
          }),
        ...(a.centralActivityKey ? { centralActivityKey: a.centralActivityKey } : {}),
      })),
    })),
    responsibilities: d.responsibilities.map((r) => ({
      actor: r.actor.trim(),
      agencyId: r.agencyId,
      tasks: filled(r.tasks),
    })),
    funding: { text: d.fundingText.trim(), sources: filled(d.fundingSources) },
    signatures: d.signatures.map((s) => ({
      agencyId: s.agencyId,
      authority: s.authority.trim(),
      position: s.position.trim(),
      signer: s.signer.trim(),
    })),
    recipients: filled(d.recipients),
  };
}

export function toCreateBody(d: PlanDraft): CreatePlanBody {
  return {
    kind: d.kind,
    year: d.year,
    provinceCode: d.kind === 'provincial' ? d.provinceCode : null,
    issuerIds: d.issuerIds,
    content: toContent(d),
  };
}

export function toUpdateBody(d: PlanDraft, version: number, note: string): UpdatePlanBody {
  return {
    version,
    issuerIds: d.issuerIds,
    content: toContent(d),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
}

function timeframeProblem(tf: Timeframe | null): PlanMessageKey | null {
  if (!tf) return null;
  if (!parsePeriodRef(tf.start) || !parsePeriodRef(tf.end)) return 'validation.timeframeIncomplete';
  return comparePeriods(tf.start, tf.end) > 0 ? 'validation.timeframeOrder' : null;
}

/** Everything the server would refuse that the user can fix here, with the server's field paths. */
export function validateDraft(d: PlanDraft, creating: boolean): Problems {
  const problems: Problems = {};
  const add = (path: string, key: PlanMessageKey | null) => {
    if (key) problems[path] = key;
  };
  if (creating) {
    if (!Number.isInteger(d.year) || d.year < 2000 || d.year > 2100) add('year', 'validation.year');
    if (d.kind === 'provincial' && !/^\d{2}$/.test(d.provinceCode)) add('provinceCode', 'validation.province');
  }
  if (!d.title.trim()) add('title', 'validation.title');
  if (d.issuerIds.length === 0) add('issuerIds', 'validation.issuers');
  d.sections.forEach((s, si) => {
    const at = `sections.${si}`;
    if (!s.title.trim()) add(`${at}.title`, 'validation.sectionTitle');
    add(`${at}.timeframe`, timeframeProblem(s.timeframe));
    s.activities.forEach((a, ai) => {
      const here = `${at}.activities.${ai}`;
      if (!a.title.trim()) add(`${here}.title`, 'validation.activityTitle');
      add(`${here}.timeframe`, timeframeProblem(a.timeframe));
      a.outputs.forEach((o, oi) => {
        if (isBlankOutput(o)) return;
        if (!o.text.trim()) add(`${here}.outputs.${oi}.text`, 'validation.outputText');
        if (o.target.trim() && parseTarget(o.target) === null) add(`${here}.outputs.${oi}.target`, 'validation.target');
      });
    });
  });
  d.responsibilities.forEach((r, i) => {
    if (!r.actor.trim()) add(`responsibilities.${i}.actor`, 'validation.actor');
  });
  return problems;
}

/** The server names content fields with or without "content." in front; the editor without. */
export function editorPath(serverField: string): string {
  return serverField.replace(/^content\./, '');
}

/** Whether an error at `field` belongs to the control at `path` ("sections.0.timeframe.start" → "sections.0.timeframe"). */
export function fieldMatches(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`);
}

// ---- list helpers, shared by every list the editor shows ----

export function replaceAt<T>(items: T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

export function removeAt<T>(items: T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function move<T>(items: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return items;
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
