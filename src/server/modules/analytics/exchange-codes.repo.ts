// The configurable code list for data exchange. A value without a row keeps its own code, so the
// defaults are our codes: indicator codes, unit codes ('VN' for the country), "default" and
// "sex=female;ethnic_group=3" for category option combos, the plain option for ADX attributes.
import type { Queryable } from '../../db/database';
import type { ExchangeCodeTable } from '../../db/schema';

export type CodeKind = ExchangeCodeTable['kind'];
export const CODE_KINDS: CodeKind[] = ['indicator', 'orgunit', 'category_option_combo', 'category_option'];

export interface CodeBook {
  theirs(kind: CodeKind, ours: string): string;
  ours(kind: CodeKind, theirs: string): string;
}

/** ADX attribute values default to the option itself ("sex=female" → "female"). */
const defaultTheirs = (kind: CodeKind, ours: string) =>
  kind === 'category_option' ? ours.slice(ours.indexOf('=') + 1) : ours;

export async function loadCodeBook(db: Queryable): Promise<CodeBook> {
  const rows = await db.selectFrom('exchange_code').select(['kind', 'our_value', 'their_code']).execute();
  const out = new Map<string, string>();
  const back = new Map<string, string>();
  for (const r of rows) {
    out.set(`${r.kind}|${r.our_value}`, r.their_code);
    back.set(`${r.kind}|${r.their_code}`, r.our_value);
  }
  return {
    theirs: (kind, ours) => out.get(`${kind}|${ours}`) ?? defaultTheirs(kind, ours),
    ours: (kind, theirs) => back.get(`${kind}|${theirs}`) ?? theirs,
  };
}

export async function listCodes(db: Queryable, kind?: CodeKind) {
  let query = db.selectFrom('exchange_code').select(['kind', 'our_value', 'their_code']);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('kind').orderBy('our_value').execute();
}

export async function theirCodeOwner(db: Queryable, kind: CodeKind, theirs: string) {
  const row = await db
    .selectFrom('exchange_code')
    .select('our_value')
    .where('kind', '=', kind)
    .where('their_code', '=', theirs)
    .executeTakeFirst();
  return row?.our_value;
}

export async function setCode(db: Queryable, kind: CodeKind, ours: string, theirs: string | null): Promise<void> {
  await db.deleteFrom('exchange_code').where('kind', '=', kind).where('our_value', '=', ours).execute();
  if (theirs !== null)
    await db.insertInto('exchange_code').values({ kind, our_value: ours, their_code: theirs }).execute();
}
