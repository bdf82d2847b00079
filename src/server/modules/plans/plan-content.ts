// Turning an input document into stored content: keys for new sections and activities, sections
// numbered in order, agencies that exist, timeframes that run forward. Errors name the field.
import crypto from 'node:crypto';
import type { PlanContent } from '../../../shared/plan';
import { comparePeriods } from '../../../shared/period';
import { badRequest } from '../../http/errors';
import type { Queryable } from '../../db/database';
import type { PlanContentInput } from './plans.schemas';

export const newKey = () => crypto.randomBytes(6).toString('base64url');

export function normaliseContent(input: PlanContentInput): PlanContent {
  const seen = new Set<string>();
  const uniqueKey = (key: string | undefined, field: string) => {
    const k = key ?? newKey();
    if (seen.has(k)) throw badRequest(field, `Khóa "${k}" bị trùng`);
    seen.add(k);
    return k;
  };
  return {
    ...input,
    number: input.number.replace(/\s+/g, '').trim(),
    sections: input.sections.map((section, si) => {
      const timeframe = checkTimeframe(section.timeframe, `sections.${si}.timeframe`);
      return {
        key: uniqueKey(section.key, `sections.${si}.key`),
        number: String(si + 1),
        title: section.title.trim(),
        description: section.description,
        timeframe,
        ...(section.headings && Object.keys(section.headings).length ? { headings: section.headings } : {}),
        activities: section.activities.map((a, ai) => ({
          key: uniqueKey(a.key, `sections.${si}.activities.${ai}.key`),
          title: a.title.trim(),
          timeframe: checkTimeframe(a.timeframe, `sections.${si}.activities.${ai}.timeframe`),
          leadAgencyId: a.leadAgencyId,
          partnerAgencyIds: a.partnerAgencyIds,
          level: a.level,
          outputs: a.outputs,
          centralActivityKey: a.centralActivityKey ?? null,
        })),
      };
    }),
  };
}

function checkTimeframe<T extends { start: string; end: string } | null>(tf: T, field: string): T {
  if (tf && comparePeriods(tf.start, tf.end) > 0) {
    throw badRequest(field, 'Thời gian bắt đầu phải trước hoặc bằng thời gian kết thúc');
  }
  return tf;
}

/** Every agency id the content refers to, with the field that names it. */
function agencyRefs(content: PlanContent, issuerIds: number[]): [number, string][] {
  const refs: [number, string][] = issuerIds.map((id, i) => [id, `issuerIds.${i}`]);
  content.sections.forEach((s, si) =>
    s.activities.forEach((a, ai) => {
      if (a.leadAgencyId) refs.push([a.leadAgencyId, `content.sections.${si}.activities.${ai}.leadAgencyId`]);
      a.partnerAgencyIds.forEach((id, pi) =>
        refs.push([id, `content.sections.${si}.activities.${ai}.partnerAgencyIds.${pi}`]),
      );
    }),
  );
  content.responsibilities.forEach(
    (r, i) => r.agencyId && refs.push([r.agencyId, `content.responsibilities.${i}.agencyId`]),
  );
  content.signatures.forEach((s, i) => s.agencyId && refs.push([s.agencyId, `content.signatures.${i}.agencyId`]));
  return refs;
}

export async function checkAgencies(db: Queryable, content: PlanContent, issuerIds: number[]): Promise<void> {
  const refs = agencyRefs(content, issuerIds);
  const ids = [...new Set(refs.map(([id]) => id))];
  if (ids.length === 0) return;
  const rows = await db
    .selectFrom('agency')
    .select('agency_id')
    .where('agency_id', 'in', ids)
    .orderBy('agency_id')
    .execute();
  const known = new Set(rows.map((r) => r.agency_id));
  const missing = refs.find(([id]) => !known.has(id));
  if (missing) throw badRequest(missing[1], `Cơ quan số ${missing[0]} không tồn tại`);
}

/** The date whose agency names a plan prints: its issue date, else the end of its year (not after today). */
export function namesAsOf(content: PlanContent, year: number, today: string): string {
  if (content.issuedOn) return content.issuedOn;
  const yearEnd = `${year}-12-31`;
  return yearEnd < today ? yearEnd : today;
}

interface SignOff {
  agency_id: number;
  signed_at: Date | null;
  signer_name: string | null;
  signer_position: string | null;
  signer_authority: string | null;
}

/** The signature blocks with the recorded sign-offs in them: who signed for an agency, their
 *  position and authority line replace the block's; an agency that signed without a block gets one. */
export function withSignOffs(signatures: PlanContent['signatures'], issuers: SignOff[]): PlanContent['signatures'] {
  const signed = issuers.filter((i) => i.signed_at !== null && i.signer_name !== null);
  const out = signatures.map((s) => {
    const i = signed.find((x) => x.agency_id === s.agencyId);
    return i
      ? {
          ...s,
          signer: i.signer_name!,
          position: i.signer_position ?? s.position,
          authority: i.signer_authority ?? s.authority,
        }
      : s;
  });
  for (const i of signed)
    if (!signatures.some((s) => s.agencyId === i.agency_id))
      out.push({
        agencyId: i.agency_id,
        authority: i.signer_authority ?? '',
        position: i.signer_position ?? '',
        signer: i.signer_name!,
      });
  return out;
}
