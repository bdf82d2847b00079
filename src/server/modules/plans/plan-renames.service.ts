// The agency renames between two dates, from the registry (dated names with their aliases, dated
// positions, the successor of a branch whose province merged), and a plan's content with its
// mentions renamed. Done when a plan is rolled forward, and stored: the new draft's text is what
// prints, can be read and corrected before signing, and the audit entry lists every change; the
// plan it came from (historic, issued) keeps its words.
import type { Queryable } from '../../db/database';
import type { PlanContent } from '../../../shared/plan';
import { foldVietnamese } from '../../../shared/text';
import { agencyNameFormsAt, agencyPositionsAt, type AgencyNameForms } from '../reference/reference.service';
import { AgencyRenamer, mentionPattern, type AgencyRename, type NameChange } from './agency-renames';

const ABBREVIATION = /^[\p{Lu}\p{N}&]+$/u;
/** Words that name agencies generically and start a clause's subject ("…, các cơ quan …"). */
const GENERIC_SUBJECTS = [
  'Trung ương Hội',
  'TW Hội',
  'Hội LHPN',
  'Hai cơ quan',
  'Các cơ quan',
  'UBND',
  'Ủy ban nhân dân',
];
const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

function formsOf(a: AgencyNameForms) {
  const names = [a.name];
  const shortNames = [a.shortName];
  const abbreviations = [a.abbreviation];
  for (const alias of a.aliases) {
    if (ABBREVIATION.test(alias)) abbreviations.push(alias);
    // Another spelling of the full name ("Uỷ ban Dân tộc") is the full name; other words are short names.
    else if (foldVietnamese(alias) === foldVietnamese(a.name)) names.push(alias);
    else shortNames.push(alias);
  }
  return { names, shortNames: shortNames.filter((s) => fold(s) !== fold(a.name)), abbreviations };
}

/** A branch's name without its province ("Ban Dân tộc tỉnh Lào Cai" → "Ban Dân tộc"). */
const generic = (name: string) => name.replace(/\s+(tỉnh|thành phố)\s.*$/iu, '');

export async function agencyRenamer(
  db: Queryable,
  from: string,
  to: string,
  successors: Map<number, number> = new Map(),
): Promise<AgencyRenamer> {
  const [before, after] = await Promise.all([agencyNameFormsAt(db, from), agencyNameFormsAt(db, to)]);
  const ids = before.map((a) => a.id);
  const [posBefore, posAfter] = await Promise.all([agencyPositionsAt(db, ids, from), agencyPositionsAt(db, ids, to)]);
  const now = new Map(after.map((a) => [a.id, a]));
  const renames: AgencyRename[] = [];
  for (const a of before) {
    const targetId = successors.get(a.id) ?? a.id;
    const b = now.get(targetId);
    if (!b) continue;
    const positions = (posBefore.get(a.id) ?? []).flatMap((p) => {
      const next = (posAfter.get(targetId) ?? []).find((q) => q.role === p.role);
      return next ? [{ forms: [p.title, ...p.aliases], to: next.title }] : [];
    });
    const same =
      fold(a.name) === fold(b.name) &&
      fold(a.shortName) === fold(b.shortName) &&
      a.abbreviation === b.abbreviation &&
      positions.every((p) => fold(p.forms[0]!) === fold(p.to));
    if (same) continue;
    renames.push({
      agencyId: a.id,
      ...formsOf(a),
      to: { name: b.name, shortName: b.shortName, abbreviation: b.abbreviation },
      positions,
    });
  }
  // Branches named without their province ("Chỉ đạo Ban Dân tộc tại địa phương"): the kind of
  // branch each central agency has then and now.
  const existsOn = (a: AgencyNameForms, date: string) =>
    (a.existsFrom === null || a.existsFrom <= date) && (a.existsTo === null || a.existsTo >= date);
  const branchOf = (list: AgencyNameForms[], parentId: number, date: string) =>
    list.find((a) => a.parentId === parentId && existsOn(a, date) && generic(a.name) !== a.name);
  for (const central of before.filter((a) => a.level === 'central')) {
    const then = branchOf(before, central.id, from);
    const later = branchOf(after, central.id, to);
    if (!then || !later || fold(generic(then.name)) === fold(generic(later.name))) continue;
    renames.push({
      agencyId: null,
      names: [generic(then.name)],
      shortNames: [generic(then.shortName)],
      abbreviations: [then.abbreviation],
      to: { name: generic(later.name), shortName: generic(later.shortName), abbreviation: later.abbreviation },
      positions: [],
    });
  }
  const subjects = mentionPattern([
    ...[...before, ...after].flatMap((a) => [a.name, a.shortName, ...a.aliases.filter((x) => !ABBREVIATION.test(x))]),
    ...GENERIC_SUBJECTS,
  ]);
  return new AgencyRenamer(renames, subjects, Number(to.slice(0, 4)));
}

/** The content with its agency mentions renamed (legal bases of the preamble kept), and what changed. */
export function renameContent(
  content: PlanContent,
  renamer: AgencyRenamer,
): { content: PlanContent; changes: NameChange[] } {
  const changes: NameChange[] = [];
  if (renamer.isEmpty) return { content, changes };
  const t = (s: string) => renamer.text(s, changes);
  const renamed: PlanContent = {
    ...content,
    number: renamer.symbol(content.number, changes),
    title: t(content.title),
    preamble: renamer.text(content.preamble, changes, { legalBases: true }),
    purposes: content.purposes.map(t),
    requirements: content.requirements.map(t),
    sections: content.sections.map((s) => ({
      ...s,
      title: t(s.title),
      description: t(s.description),
      activities: s.activities.map((a) => ({
        ...a,
        title: t(a.title),
        outputs: a.outputs.map((o) => ({ ...o, text: t(o.text) })),
      })),
    })),
    responsibilities: content.responsibilities.map((r) => ({ ...r, actor: t(r.actor), tasks: r.tasks.map(t) })),
    funding: { ...content.funding, text: t(content.funding.text) },
    signatures: content.signatures.map((s) => ({
      ...s,
      authority: renamer.signatureLine(s.authority, s.agencyId, changes),
      position: renamer.signatureLine(s.position, s.agencyId, changes),
    })),
    recipients: content.recipients.map(t),
  };
  return { content: renamed, changes };
}

/** The changes as the version's note says them: “Ủy ban Dân tộc” → “Bộ Dân tộc và Tôn giáo” (7 chỗ). */
export function describeChanges(changes: NameChange[]): string {
  return changes.map((c) => `“${c.from}” → “${c.to}” (${c.count} chỗ)`).join('; ');
}
