// Import: the text of an official plan → a draft plan in the caller's scope. Names in the text
// (issuers, lead agencies, signature blocks, responsibilities) are resolved to reference-data
// agencies as of the plan's date; what cannot be resolved is reported, never dropped.
import type { ServiceContext } from '../../access/actor';
import { can } from '../../access/actor';
import { badRequest, forbidden } from '../../http/errors';
import type { ParseResult, PlanDocument, UnparsedLine } from '../../../shared/plan-document';
import type { PlanContent } from '../../../shared/plan';
import type { Queryable } from '../../db/database';
import {
  agencyMap,
  findAgencyByName,
  proposeAgency,
  type AgencyAt,
  type AgencyProposal,
} from '../reference/reference.service';
import { getPlan, insertNewPlan, plansWithNumber, updatePlan } from '../plans/plans.service';
import { newKey } from '../plans/plan-content';
import { parsePlanText } from './plan-text-parser';
import { vietnamDate } from '../../../shared/dates';
import { newTransaction } from '../../db/transaction';

export interface ImportResult {
  planId: number;
  /** True when the import updated the draft named by `replaceDraftId` instead of creating one. */
  replaced: boolean;
  unparsed: UnparsedLine[];
  warnings: { field: string; message: string }[];
  /** Other plans in the caller's scope with the same number and year (a warning on `number` names them). */
  duplicates: { id: number; status: string; title: string }[];
  sourceText: string;
}

type Resolver = (name: string | null | undefined) => Promise<AgencyAt | undefined>;

function resolver(db: Queryable, at: string): Resolver {
  const cache = new Map<string, Promise<AgencyAt | undefined>>();
  return (name) => {
    if (!name?.trim()) return Promise.resolve(undefined);
    const key = name.trim();
    if (!cache.has(key)) cache.set(key, findAgencyByName(db, key, at));
    return cache.get(key)!;
  };
}

function planYear(plan: PlanDocument, today: string): number {
  if (plan.issuedOn) return Number(plan.issuedOn.slice(0, 4));
  const first = plan.sections.find((s) => s.timeframe)?.timeframe?.start;
  return first ? Number(first.slice(0, 4)) : Number(today.slice(0, 4));
}

async function toContent(
  plan: PlanDocument,
  resolve: Resolver,
  warn: (field: string, message: string) => void,
): Promise<PlanContent> {
  const sections = [];
  for (const [si, section] of plan.sections.entries()) {
    const activities = [];
    for (const [ai, a] of section.activities.entries()) {
      const lead = await resolve(a.leadAgency);
      if (a.leadAgency && !lead)
        warn(`sections.${si}.activities.${ai}.leadAgency`, `Không nhận ra cơ quan chủ trì "${a.leadAgency}"`);
      const partners: number[] = [];
      for (const p of a.partnerAgencies) {
        const partner = await resolve(p);
        if (partner) partners.push(partner.id);
        else warn(`sections.${si}.activities.${ai}.partnerAgencies`, `Không nhận ra cơ quan phối hợp "${p}"`);
      }
      activities.push({
        key: newKey(),
        title: a.title,
        timeframe: a.timeframe ?? section.timeframe,
        leadAgencyId: lead?.id ?? null,
        partnerAgencyIds: [...new Set(partners)],
        level: a.level,
        outputs: a.outputs,
      });
    }
    sections.push({
      key: newKey(),
      number: String(si + 1),
      title: section.title,
      description: section.description,
      timeframe: section.timeframe,
      activities,
      ...(section.headings ? { headings: section.headings } : {}),
    });
  }
  const responsibilities = [];
  for (const r of plan.responsibilities)
    responsibilities.push({ actor: r.actor, agencyId: (await resolve(r.actor))?.id ?? null, tasks: r.tasks });
  const signatures = [];
  for (const s of plan.signatures)
    signatures.push({
      agencyId: (await resolve(s.agency))?.id ?? null,
      authority: s.authority,
      position: s.position,
      signer: s.signer,
    });
  return {
    number: plan.number,
    issuedOn: plan.issuedOn,
    place: plan.place,
    title: plan.title,
    preamble: plan.preamble,
    purposes: plan.purposes,
    requirements: plan.requirements,
    programme: null,
    sections,
    responsibilities,
    funding: { text: plan.funding, sources: [] },
    signatures,
    recipients: plan.recipients,
  };
}

/** An issuer line of the document: the registry's agency it names, or what a new one would be. */
export interface IssuerMatch {
  name: string;
  agency: { id: number; name: string; abbreviation: string } | null;
  proposal: AgencyProposal | null;
}

/** Each issuer the text names, matched to the registry by its names at the plan's date (preview). */
export async function matchIssuers(ctx: ServiceContext, plan: PlanDocument): Promise<IssuerMatch[]> {
  const at = plan.issuedOn ?? vietnamDate(ctx.clock.now());
  const matches: IssuerMatch[] = [];
  for (const name of plan.issuers) {
    const agency = await findAgencyByName(ctx.db, name, at);
    matches.push({
      name,
      agency: agency ? { id: agency.id, name: agency.name, abbreviation: agency.abbreviation } : null,
      proposal: agency ? null : await proposeAgency(ctx.db, name, at),
    });
  }
  return matches;
}

/** A title for a text that shows none: its first line that is neither boilerplate nor blank. */
function untitled(parsed: ParseResult): string {
  const first = parsed.unparsed[0]?.text ?? parsed.plan.preamble.split('\n')[0] ?? '';
  return (first || 'Kế hoạch nhập từ văn bản').slice(0, 300);
}

/** Creates a draft from parsed text, or updates the draft `replaceDraftId` with it. `parsed` may come
 *  from the parser or from the review screen. A number the scope already has that year is a warning. */
export async function importPlan(
  ctx: ServiceContext,
  sourceText: string,
  parsed: ParseResult = parsePlanText(sourceText),
  options: { replaceDraftId?: number } = {},
): Promise<ImportResult> {
  if (!can(ctx.actor, 'plan:edit')) throw forbidden();
  const { plan, unparsed } = parsed;
  if (!/\p{L}/u.test(sourceText)) {
    throw badRequest('file', 'Không đọc được kế hoạch: văn bản trống (tệp có chữ nào không?)');
  }
  const today = vietnamDate(ctx.clock.now());
  const at = plan.issuedOn ?? today;
  const warnings: ImportResult['warnings'] = [];
  const warn = (field: string, message: string) => warnings.push({ field, message });
  const duplicates: ImportResult['duplicates'] = [];
  const title = plan.title || untitled(parsed);
  if (!plan.title) warn('title', 'Không thấy tiêu đề kế hoạch: đã lấy tạm dòng đầu của văn bản, hãy sửa lại');
  const planId = await newTransaction(ctx.db, async (tx) => {
    const resolve = resolver(tx, at);
    const issuers: AgencyAt[] = [];
    for (const [i, name] of plan.issuers.entries()) {
      const agency = await resolve(name);
      if (agency && !issuers.some((x) => x.id === agency.id)) issuers.push(agency);
      if (!agency)
        warn(
          `issuers.${i}`,
          `Không nhận ra cơ quan ban hành "${name}" trong danh mục cơ quan: quản trị viên thêm cơ quan này ở bước xem trước rồi nhập lại`,
        );
    }
    if (issuers.length > 0 && !issuers.some((a) => a.id === ctx.actor.agencyId) && ctx.actor.role !== 'admin') {
      throw badRequest('file', 'Cơ quan của bạn không nằm trong các cơ quan ban hành kế hoạch này');
    }
    if (issuers.length === 0) {
      // A plan has at least one issuer: the draft is the importer's own until the issuers are corrected.
      const own = (await agencyMap(tx, [ctx.actor.agencyId], at)).get(ctx.actor.agencyId);
      if (!own) throw badRequest('issuers', 'Không nhận ra cơ quan ban hành nào và tài khoản không gắn với cơ quan');
      issuers.push(own);
      warn('issuers', `Dự thảo tạm ghi cơ quan ban hành là "${own.name}" (cơ quan của bạn): hãy sửa lại cho đúng`);
    }
    const provincial = issuers.length > 0 && issuers.every((a) => a.level === 'provincial');
    const provinceCode = provincial ? await currentProvince(tx, issuers[0]!) : null;
    if (provincial && !ctx.actor.nationalScope && !ctx.actor.provinces.includes(provinceCode!)) {
      throw forbidden('Kế hoạch của tỉnh nằm ngoài phạm vi của bạn');
    }
    const content = await toContent({ ...plan, title }, resolve, warn);
    const year = planYear(plan, today);
    const txCtx = { ...ctx, db: tx };
    const others = (await plansWithNumber(txCtx, content.number, year)).filter((p) => p.id !== options.replaceDraftId);
    duplicates.push(...others.map(({ id, status, title }) => ({ id, status, title })));
    if (others.length > 0)
      warn(
        'number',
        `Đã có ${others.length === 1 ? 'một kế hoạch' : `${others.length} kế hoạch`} số ${content.number} năm ${year} (${others.map((p) => `#${p.id}`).join(', ')}): có thể văn bản này đã được nhập.`,
      );
    if (options.replaceDraftId !== undefined) {
      const draft = await getPlan(txCtx, options.replaceDraftId);
      await updatePlan(txCtx, draft.id, {
        version: draft.version,
        issuerIds: issuers.map((a) => a.id),
        content,
        note: 'Cập nhật từ văn bản nhập lại',
      });
      return draft.id;
    }
    return insertNewPlan(
      { ...ctx, db: tx },
      {
        kind: provincial ? 'provincial' : 'central',
        year,
        provinceCode,
        issuerIds: issuers.map((a) => a.id),
        content,
        note: 'Nhập từ văn bản',
        action: 'import',
      },
    );
  });
  return { planId, replaced: options.replaceDraftId !== undefined, unparsed, warnings, duplicates, sourceText };
}

/** A branch's province in the 2025 generation (a pre-2025 branch maps through the lineage). */
async function currentProvince(db: Queryable, agency: AgencyAt): Promise<string> {
  if (agency.generation !== 2024) return agency.provinceCode!;
  const row = await db
    .selectFrom('admin_unit_lineage')
    .select('new_code')
    .where('level', '=', 'province')
    .where('old_code', '=', agency.provinceCode!)
    .orderBy('new_code')
    .executeTakeFirst();
  return row?.new_code ?? agency.provinceCode!;
}
