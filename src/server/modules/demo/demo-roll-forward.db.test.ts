// The demo's 2022 plan rolled forward to 2026, signed, issued and exported: what the .docx prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { createTestDatabase } from '../../../../test/test-db';
import { TestClock } from '../../../../test/test-app';
import type { Database } from '../../db/database';
import { loadConfig } from '../../config';
import { ensureDemoUsers } from './demo-users';
import { contextFor, ensureDemoPlan } from './demo-plan';
import { rollForward } from '../plans/plan-derive.service';
import { issuePlan, signPlan, submitPlan } from '../plans/plan-workflow.service';
import { planDocx } from '../plan-export/plan-export.service';
import type { ServiceContext } from '../../access/actor';

let database: Database;
let women: ServiceContext;
let ethnic: ServiceContext;
let demoPlanId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  const clock = new TestClock(new Date('2026-11-28T03:00:00Z'));
  const config = loadConfig({});
  await ensureDemoUsers(database.db, 'mat-khau-demo', clock.now());
  demoPlanId = (await ensureDemoPlan(database.db, config, clock))!;
  women = await contextFor(database.db, config, clock, 'tw.hoiphunu');
  ethnic = await contextFor(database.db, config, clock, 'tw.dantoc');
});
afterAll(async () => {
  await database.close();
});

/** The paragraphs of the .docx as printed (body, headers and footers), their runs joined. */
async function printedParagraphs(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n));
  const out: string[] = [];
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string');
    // A line break inside a paragraph (a title laid out on two lines) reads as a space.
    for (const p of xml.replace(/<w:br\/>/g, '<w:t> </w:t>').match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
      const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'");
      if (text.trim()) out.push(text);
    }
  }
  return out;
}

describe('the demo plan rolled forward to 2026', () => {
  it('prints Bộ Dân tộc và Tôn giáo in its title, BDTTG in its symbol and no Chủ nhiệm; the legal basis keeps its words', async () => {
    let plan = await rollForward(women, demoPlanId, 2026);
    expect(plan.year).toBe(2026);
    // The draft says what was renamed before anyone signs it.
    expect(plan.title).toContain('Bộ Dân tộc và Tôn giáo');
    expect(plan.signatures.find((s) => s.agency?.id === ethnic.actor.agencyId)).toMatchObject({
      authority: 'KT. BỘ TRƯỞNG',
      position: 'THỨ TRƯỞNG',
      signer: '',
    });
    const version = await database.db
      .selectFrom('plan_version')
      .select('note')
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(version.note).toContain('“Ủy ban Dân tộc” → “Bộ Dân tộc và Tôn giáo”');
    expect(version.note).toContain('“BỘ TRƯỞNG, CHỦ NHIỆM” → “BỘ TRƯỞNG”');
    const audit = await database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_type', '=', 'plan')
      .where('entity_id', '=', String(plan.id))
      .where('action', '=', 'roll_forward')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('"renames"');

    plan = await submitPlan(women, plan.id, plan.version);
    plan = await signPlan(women, plan.id, { version: plan.version, signer: 'Tôn Ngọc Hạnh' });
    plan = await signPlan(ethnic, plan.id, { version: plan.version, signer: 'Lò Văn Thử' });
    plan = await issuePlan(women, plan.id, { version: plan.version, issuedOn: '2026-11-28' });
    expect(plan.number).toMatch(/^\d+\/KH-HLHPNVN-BDTTG$/);

    const printed = await printedParagraphs((await planDocx(women, plan.id)).buffer);
    const all = printed.join('\n');
    // The title (the paragraphs under "KẾ HOẠCH") names the ministry.
    const heading = printed.findIndex((p) => p.trim() === 'KẾ HOẠCH');
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(printed.slice(heading + 1, heading + 3).join(' ')).toMatch(/Bộ Dân tộc và Tôn giáo|BỘ DÂN TỘC VÀ TÔN GIÁO/);
    expect(all).toContain('BỘ DÂN TỘC VÀ TÔN GIÁO');
    // The symbol.
    expect(printed.find((p) => /^Số:/.test(p.trim()))).toMatch(/BDTTG/);
    expect(all).not.toMatch(/UBĐT|UBNDT|-UBDT/);
    // No head of the former committee anywhere.
    expect(all).not.toMatch(/chủ nhiệm/iu);
    expect(all).toContain('KT. BỘ TRƯỞNG');
    expect(all).toContain('Lò Văn Thử');
    // "Ủy ban Dân tộc" only where the 2021–2025 programme is cited by its name: the legal basis
    // and a requirement.
    const old = printed.filter((p) => /ủy ban dân tộc|uỷ ban dân tộc/iu.test(p));
    expect(old).toHaveLength(2);
    expect(old[1]).toMatch(
      /^- Các hoạt động cần được triển khai bám sát nội dung của Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Trung ương Hội Liên hiệp Phụ nữ Việt Nam giai đoạn 2021-2025;/,
    );
    expect(old.every((p) => p.match(/Ủy ban Dân tộc/g)!.length === 1)).toBe(true);
    expect(old[0]).toMatch(
      /^Thực hiện Chương trình phối hợp công tác giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam giai đoạn 2021-2025, Bộ Dân tộc và Tôn giáo và Trung ương Hội LHPN Việt Nam xây dựng kế hoạch .* năm 2026/,
    );
    // The provincial offices are named as they are now.
    expect(all).toContain('Chỉ đạo Sở Dân tộc và Tôn giáo tại địa phương');
    expect(all).toContain('Phối hợp với Sở Dân tộc và Tôn giáo của tỉnh');
  });

  it('leaves the historic 2022 plan as it was issued', async () => {
    const printed = (await printedParagraphs((await planDocx(women, demoPlanId)).buffer)).join('\n');
    expect(printed).toContain('ỦY BAN DÂN TỘC');
    expect(printed).toContain('KT. BỘ TRƯỞNG, CHỦ NHIỆM');
    expect(printed).toMatch(/UBĐT/);
    expect(printed).not.toContain('Bộ Dân tộc và Tôn giáo');
  });

  it('renames nothing when rolled forward to a year before the reform (2024)', async () => {
    const plan = await rollForward(women, demoPlanId, 2024);
    expect(plan.title).toContain('giữa Ủy ban Dân tộc và Hội Liên hiệp Phụ nữ Việt Nam năm 2024');
    expect(plan.signatures.map((s) => s.authority)).toContain('KT. BỘ TRƯỞNG, CHỦ NHIỆM');
    const version = await database.db
      .selectFrom('plan_version')
      .select('note')
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(version.note).toBe('Chuyển tiếp từ kế hoạch năm 2022');
  });
});
