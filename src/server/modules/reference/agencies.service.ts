// Agencies a document names that the reference data does not hold (a Sở, a Tỉnh đoàn, another
// ministry): proposed from the name as written (`proposeAgency`, for the import's review) and
// added to the registry by an administrator (`createAgency`, audited), after which every later
// import recognises them. The reference data files never remove them (they are matched by code).
import crypto from 'node:crypto';
import type { ServiceContext } from '../../access/actor';
import type { Queryable } from '../../db/database';
import { newTransaction } from '../../db/transaction';
import { badRequest, conflict } from '../../http/errors';
import { GENERATION_2025_FROM, generationAt, type Generation } from '../../../shared/admin-generation';
import { vietnamDate } from '../../../shared/dates';
import { foldVietnamese } from '../../../shared/text';
import { insertAudit } from '../audit/audit.service';
import { provincesOf } from './admin-units.repo';
import { agencyAt, findAgencyByName, saveAgency, type AgencyAt } from './agencies.repo';

export interface NewAgency {
  name: string;
  shortName?: string;
  abbreviation: string;
  level: 'central' | 'provincial';
  /** A province of `generation` (required for a provincial agency, absent for a central one). */
  provinceCode?: string | null;
  generation?: Generation | null;
}

export interface AgencyProposal {
  name: string;
  shortName: string;
  abbreviation: string;
  level: 'central' | 'provincial';
  provinceCode: string | null;
  generation: Generation | null;
}

/** Words an abbreviation leaves out ("Sở Giáo dục và Đào tạo" → "SGDĐT"). */
const JOINING_WORDS = new Set(['va', 'cua', 'voi']);

/** An abbreviation of the capitals of a name's words, as Vietnamese offices write them. */
export function abbreviate(name: string): string {
  return (
    name
      .normalize('NFC')
      .split(/[\s,\-–]+/)
      .filter((w) => /\p{L}/u.test(w) && !JOINING_WORDS.has(foldVietnamese(w)))
      // The first letter without its marks (Ủ → U), Đ kept: "UBND", "SGDĐT".
      .map((w) => w.match(/\p{L}/u)![0].normalize('NFD').charAt(0).toUpperCase())
      .join('')
      .slice(0, 30)
  );
}

const sentence = (text: string) => {
  const lower = text.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/**
 * What a document's name of an unknown agency most likely is: provincial when it ends with the
 * name of a province of the date's generation ("Sở Y tế tỉnh Lào Cai"), otherwise central.
 */
export async function proposeAgency(db: Queryable, name: string, at: string): Promise<AgencyProposal> {
  const clean = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const generation = generationAt(at);
  const folded = foldVietnamese(clean);
  const provinces = await provincesOf(db, generation);
  const province = provinces
    .map((p) => ({ p, forms: [p.full_name, p.name].map(foldVietnamese) }))
    .map(({ p, forms }) => ({ p, form: forms.find((f) => folded.endsWith(` ${f}`) || folded === f) }))
    .filter((x) => x.form)
    .sort((a, b) => b.form!.length - a.form!.length)[0];
  const own = province ? clean.slice(0, clean.length - province.form!.length).trim() : clean;
  const withoutUnit = province ? own.replace(/\s+(tỉnh|thành phố|TP\.?)$/iu, '') : own;
  // A header prints the name in capitals; the registry writes it as a sentence would.
  const shouting = clean === clean.toUpperCase() && /\p{Lu}/u.test(clean);
  const written = !shouting
    ? clean
    : province
      ? `${sentence(withoutUnit)} ${lowerFirst(province.p.full_name)}`
      : sentence(clean);
  return {
    name: written,
    shortName: written,
    abbreviation: abbreviate(withoutUnit || clean),
    level: province ? 'provincial' : 'central',
    provinceCode: province?.p.code ?? null,
    generation: province ? generation : null,
  };
}

/** Adds an agency to the registry with its one name; 409 when the registry already knows the name. */
export async function createAgency(ctx: ServiceContext, body: NewAgency): Promise<AgencyAt> {
  const name = body.name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const abbreviation = body.abbreviation.normalize('NFC').trim();
  if (!/\p{L}/u.test(name)) throw badRequest('name', 'Tên cơ quan cần có chữ');
  if (!abbreviation) throw badRequest('abbreviation', 'Cần chữ viết tắt của cơ quan');
  const today = vietnamDate(ctx.clock.now());
  const generation = body.level === 'provincial' ? (body.generation ?? generationAt(today)) : null;
  const provinceCode = body.provinceCode ?? null;
  if (body.level === 'provincial') {
    if (!provinceCode) throw badRequest('provinceCode', 'Cơ quan cấp tỉnh cần chọn tỉnh, thành phố');
    const provinces = await provincesOf(ctx.db, generation!);
    if (!provinces.some((p) => p.code === provinceCode))
      throw badRequest('provinceCode', `Không có tỉnh, thành phố mã ${provinceCode} trong danh mục ${generation}`);
  } else if (provinceCode) {
    throw badRequest('provinceCode', 'Cơ quan trung ương không gắn với tỉnh, thành phố');
  }
  return newTransaction(ctx.db, async (tx) => {
    const known = await findAgencyByName(tx, name, today);
    if (known) throw conflict(`Đã có "${known.name}" trong danh mục cơ quan`, 'name');
    const id = await saveAgency(
      tx,
      {
        code: `CQ-${crypto.randomBytes(5).toString('hex').toUpperCase()}`,
        kind: 'other',
        level: body.level,
        parentId: null,
        generation,
        provinceCode,
        // A provincial agency lives as long as its generation of provinces, as the branches do.
        validFrom: generation === 2025 ? GENERATION_2025_FROM : null,
        validTo: generation === 2024 ? '2025-06-30' : null,
      },
      [
        {
          validFrom: null,
          validTo: null,
          name,
          shortName: body.shortName?.normalize('NFC').trim() || name,
          abbreviation,
          governingBody: null,
          signingBody: null,
          aliases: [],
        },
      ],
    );
    const after = (await agencyAt(tx, id, today))!;
    await insertAudit(
      tx,
      ctx.actor,
      { action: 'create', entityType: 'agency', entityId: id, provinceCode, after },
      ctx.clock.now(),
      ctx.ip,
    );
    return after;
  });
}
