// The export must import again: renderPlanDocx → docxToText → parsePlanText gives back the plan.
import { describe, expect, it } from 'vitest';
import { docxToText } from './docx-to-text';
import { parsePlanText } from './plan-text-parser';
import { seedPlan, seedPlanView } from '../plan-export/fixtures/seed-plan';
import { renderPlanDocx } from '../plan-export/plan-docx';

describe('plan export → import round trip', () => {
  it('reads the seed plan back unchanged, with no line left unparsed', async () => {
    const result = parsePlanText(await docxToText(await renderPlanDocx(seedPlanView)));
    expect(result.unparsed).toEqual([]);
    expect(result.plan).toEqual(seedPlan);
  });
});
