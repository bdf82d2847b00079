// The plan as the API shows it: agencies resolved to their names as of the plan's date,
// activity ids, review comments, and the actions the caller may take.
import type { Actor } from '../../access/actor';
import { planActions, type PlanFacts } from '../../access/policies/plan.policy';
import type { Queryable } from '../../db/database';
import { agencyMap, provinceNames, type AgencyAt } from '../reference/reference.service';
import type { PlanContent } from '../../../shared/plan';
import * as repo from './plans.repo';
import { namesAsOf, withSignOffs } from './plan-content';
import type { PlanView } from './plans.schemas';

export function planFacts(row: repo.PlanRow, issuers: { agency_id: number; signed_at: Date | null }[]): PlanFacts {
  return {
    kind: row.kind,
    status: row.status,
    provinceCode: row.province_code,
    issuers: issuers.map((i) => ({ agencyId: i.agency_id, signed: i.signed_at !== null })),
  };
}

function contentAgencyIds(content: PlanContent): number[] {
  const ids: number[] = [];
  for (const s of content.sections)
    for (const a of s.activities) ids.push(...(a.leadAgencyId ? [a.leadAgencyId] : []), ...a.partnerAgencyIds);
  for (const r of content.responsibilities) if (r.agencyId) ids.push(r.agencyId);
  for (const s of content.signatures) if (s.agencyId) ids.push(s.agencyId);
  return ids;
}

const ref = (a: AgencyAt | undefined) =>
  a ? { id: a.id, name: a.name, shortName: a.shortName, abbreviation: a.abbreviation } : null;

export async function buildPlanView(db: Queryable, actor: Actor, row: repo.PlanRow, today: string): Promise<PlanView> {
  const content = row.content;
  const at = namesAsOf(content, row.year, today);
  const [issuers, comments, activityIds, provinces] = await Promise.all([
    repo.issuersOf(db, [row.plan_id]),
    repo.listComments(db, row.plan_id),
    repo.activityIds(db, row.plan_id),
    provinceNames(db, row.province_code ? [row.province_code] : []),
  ]);
  const agencies = await agencyMap(
    db,
    [
      ...issuers.map((i) => i.agency_id),
      ...contentAgencyIds(content),
      ...comments.flatMap((c) => (c.agency_id ? [c.agency_id] : [])),
    ],
    at,
  );
  return {
    id: row.plan_id,
    kind: row.kind,
    year: row.year,
    provinceCode: row.province_code,
    provinceName: row.province_code ? (provinces.get(row.province_code) ?? null) : null,
    parentPlanId: row.parent_plan_id,
    previousPlanId: row.previous_plan_id,
    status: row.status,
    version: row.version,
    number: content.number,
    issuedOn: content.issuedOn,
    namesAsOf: at,
    place: content.place,
    issuers: issuers.map((i) => ({
      ...ref(agencies.get(i.agency_id))!,
      signedAt: i.signed_at ? new Date(i.signed_at).toISOString() : null,
      signedBy: i.signed_by_name,
      signer:
        i.signed_at && i.signer_name !== null
          ? { name: i.signer_name, position: i.signer_position ?? '', authority: i.signer_authority ?? '' }
          : null,
    })),
    title: content.title,
    preamble: content.preamble,
    purposes: content.purposes,
    requirements: content.requirements,
    programme: content.programme,
    sections: content.sections.map((s) => ({
      key: s.key,
      number: s.number,
      title: s.title,
      description: s.description,
      timeframe: s.timeframe,
      ...(s.headings ? { headings: s.headings } : {}),
      activities: s.activities.map((a, i) => ({
        id: activityIds.get(a.key) ?? null,
        key: a.key,
        number: `${s.number}.${i + 1}`,
        title: a.title,
        timeframe: a.timeframe,
        leadAgency: a.leadAgencyId ? ref(agencies.get(a.leadAgencyId)) : null,
        partnerAgencies: a.partnerAgencyIds.flatMap((id) => (agencies.get(id) ? [ref(agencies.get(id))!] : [])),
        level: a.level,
        outputs: a.outputs,
        centralActivityKey: a.centralActivityKey ?? null,
      })),
    })),
    responsibilities: content.responsibilities.map((r) => ({
      actor: r.actor,
      agency: r.agencyId ? ref(agencies.get(r.agencyId)) : null,
      tasks: r.tasks,
    })),
    funding: content.funding,
    signatures: withSignOffs(content.signatures, issuers).map((s) => ({
      agency: s.agencyId ? ref(agencies.get(s.agencyId)) : null,
      authority: s.authority,
      position: s.position,
      signer: s.signer,
    })),
    recipients: content.recipients,
    comments: comments.map((c) => ({
      id: c.plan_comment_id,
      version: c.version,
      kind: c.kind,
      body: c.body,
      agency: c.agency_id ? (agencies.get(c.agency_id)?.shortName ?? null) : null,
      author: c.author,
      createdAt: new Date(c.created_at).toISOString(),
    })),
    updatedAt: new Date(row.updated_at).toISOString(),
    allowedActions: planActions(actor, planFacts(row, issuers)),
  };
}
