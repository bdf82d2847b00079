// The export must import again: renderPlanDocx → docxToText → parsePlanText gives back the plan.
import fs from 'node:fs';
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

describe('the seed keeps its own wording', () => {
  it('reads the sub-headings as the seed wrote them, and the export prints them so', async () => {
    const seedText = fs.readFileSync(new URL('./fixtures/ke-hoach-phoi-hop-2022.txt', import.meta.url), 'utf8');
    const parsed = parsePlanText(seedText).plan;
    expect(parsed.sections.map((s) => s.headings)).toEqual(seedPlan.sections.map((s) => s.headings));
    const text = await docxToText(await renderPlanDocx(seedPlanView));
    expect(text).toContain('1.1. Nội dung tuyên truyền');
    expect(text).toContain('4.3. Tổ chức thực hiện: Từ quý I đến quý IV/2022');
    expect(text).toContain('2.1. Nội dung các hoạt động');
    expect(text).not.toContain('4.3. Thời gian thực hiện');
  });
});
