// The year-end review files: the plan's agencies as issuers (names as of the end of its year).
import type { ServiceContext } from '../../access/actor';
import { agencyMap } from '../reference/reference.service';
import { renderReviewDocx } from './review-docx';
import { renderReviewXlsx } from './review-xlsx';
import { planReview } from './review.service';

export async function reviewDocx(ctx: ServiceContext, planId: number) {
  const review = await planReview(ctx, planId);
  const agencies = await agencyMap(
    ctx.db,
    review.issuers.map((i) => i.id),
    `${review.plan.year}-12-31`,
  );
  const issuers = review.issuers.map((i) => {
    const a = agencies.get(i.id);
    return { governingBody: a?.governingBody ?? undefined, name: a?.signingBody ?? i.name.toLocaleUpperCase('vi') };
  });
  return {
    buffer: await renderReviewDocx(review, issuers),
    filename: `so-ket-nam-${review.plan.year}-ke-hoach-${planId}.docx`,
  };
}

export async function reviewXlsx(ctx: ServiceContext, planId: number) {
  const review = await planReview(ctx, planId);
  return { buffer: await renderReviewXlsx(review), filename: `so-ket-nam-${review.plan.year}-ke-hoach-${planId}.xlsx` };
}
