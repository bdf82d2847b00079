// Export: a stored plan as the Decree 30 .docx and the activity table .xlsx, agency names as of
// the plan's date.
import { fileNamePart } from '../../../shared/text';
import type { ServiceContext } from '../../access/actor';
import type { PlanDocument } from '../../../shared/plan-document';
import { agencyMap } from '../reference/reference.service';
import { getPlan } from '../plans/plans.service';
import type { PlanView } from '../plans/plans.schemas';
import { renderPlanDocx, type PlanDocxView } from './plan-docx';
import { renderPlanXlsx } from './plan-xlsx';

function toDocument(view: PlanView): PlanDocument {
  return {
    number: view.number,
    issuedOn: view.issuedOn,
    place: view.place,
    issuers: view.issuers.map((i) => i.name),
    documentType: 'KẾ HOẠCH',
    title: view.title,
    preamble: view.preamble,
    purposes: view.purposes,
    requirements: view.requirements,
    sections: view.sections.map((s) => ({
      number: s.number,
      title: s.title,
      description: s.description,
      timeframe: s.timeframe,
      ...(s.headings ? { headings: s.headings } : {}),
      activities: s.activities.map((a) => ({
        title: a.title,
        timeframe: a.timeframe,
        leadAgency: a.leadAgency?.shortName ?? null,
        partnerAgencies: a.partnerAgencies.map((p) => p.shortName),
        level: (a.level as PlanDocument['sections'][number]['activities'][number]['level']) ?? null,
        outputs: a.outputs,
      })),
    })),
    responsibilities: view.responsibilities.map((r) => ({ actor: r.actor, tasks: r.tasks })),
    funding: view.funding.text,
    signatures: view.signatures.map((s) => ({
      authority: s.authority,
      position: s.position,
      signer: s.signer,
      agency: s.agency?.shortName ?? null,
    })),
    recipients: view.recipients,
  };
}

export async function planDocx(ctx: ServiceContext, planId: number) {
  const view = await getPlan(ctx, planId);
  const agencies = await agencyMap(
    ctx.db,
    view.issuers.map((i) => i.id),
    view.namesAsOf,
  );
  const docView: PlanDocxView = {
    ...toDocument(view),
    issuerHeaders: view.issuers.map((i) => {
      const a = agencies.get(i.id);
      return { governingBody: a?.governingBody ?? undefined, name: a?.signingBody ?? i.name.toUpperCase() };
    }),
  };
  return { buffer: await renderPlanDocx(docView), filename: fileName(view, 'docx') };
}

export async function planXlsx(ctx: ServiceContext, planId: number) {
  const view = await getPlan(ctx, planId);
  return { buffer: await renderPlanXlsx(toDocument(view)), filename: fileName(view, 'xlsx') };
}

function fileName(view: PlanView, ext: string): string {
  const base = view.number ? `ke-hoach-${fileNamePart(view.number)}` : `ke-hoach-${view.year}-${view.id}`;
  return `${base}.${ext}`;
}
