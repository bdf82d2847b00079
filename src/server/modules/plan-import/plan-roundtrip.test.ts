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

describe('areas written as labelled lines export as such and import back', () => {
  const text = [
    'KẾ HOẠCH',
    '',
    'Triển khai Luật Bảo vệ dữ liệu cá nhân năm 2025',
    '',
    'II. NỘI DUNG',
    '',
    '1. Tổ chức tuyên truyền pháp luật về bảo vệ dữ liệu cá nhân',
    '',
    '- Cơ quan thực hiện: Bộ Công an.',
    '',
    '- Cơ quan phối hợp: Bộ Tư pháp.',
    '',
    '- Thời gian thực hiện: năm 2025.',
    '',
    '2. Rà soát văn bản quy phạm pháp luật',
    '',
    '- Nội dung: rà soát các văn bản có liên quan đến Luật.',
    '',
    '- Hoạt động: Kiến nghị sửa đổi các văn bản không còn phù hợp',
    '',
    '- Thời gian thực hiện: tháng 12/2025.',
  ].join('\n');

  it('says an area that is itself the task once, keeps "- Nội dung:" and "- Hoạt động:", and reads the export back the same', async () => {
    const parsed = parsePlanText(text).plan;
    expect(parsed.sections.map((s) => s.headings)).toEqual([
      { plain: true, timeframeEnd: '.' },
      { plain: true, description: 'Nội dung', activities: 'Hoạt động', timeframeEnd: '.' },
    ]);
    const exported = await docxToText(await renderPlanDocx({ ...parsed, issuerHeaders: [] }));
    const lines = exported.split('\n').filter(Boolean);
    expect(lines.filter((l) => l.includes('Tổ chức tuyên truyền pháp luật'))).toEqual([
      '1. Tổ chức tuyên truyền pháp luật về bảo vệ dữ liệu cá nhân',
    ]);
    expect(lines).toContain('- Nội dung: rà soát các văn bản có liên quan đến Luật.');
    expect(lines).toContain('- Hoạt động: Kiến nghị sửa đổi các văn bản không còn phù hợp');
    expect(lines).toContain('- Thời gian thực hiện: tháng 12/2025.');
    expect(parsePlanText(exported).plan.sections).toEqual(parsed.sections);
  });
});
