import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { PlansPage } from './pages/PlansPage';

const CORPUS_01 = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../src/server/modules/plan-import/fixtures/corpus/01_UBND-TPHCM_174-KH-UBND-binh-dang-gioi_2025.txt',
);
const SEED = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../src/server/modules/plan-import/fixtures/ke-hoach-phoi-hop-2022.txt',
);

describe('importing a plan from its document', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('reads the 2022 plan with nothing left over and makes a draft of it', async () => {
    session = await openBrowser();
    const frame = await (await LoginPage.open(session.page)).loginAs('tw.hoiphunu');
    await frame.openSection('Kế hoạch');
    const plans = new PlansPage(session.page);
    await plans.waitUntilLoaded();
    const importPage = await plans.importFromDocument();

    await importPage.upload(SEED);

    const areas = await importPage.contentAreas();
    expect(areas).toHaveLength(5);
    expect(areas[4]).toMatch(/^5\. Sơ kết, đánh giá kết quả phối hợp/);
    expect(await importPage.unparsedLines()).toEqual([]);
    expect(await importPage.unparsedSummary()).toContain('Mọi dòng đều đã được đọc');
    await screenshot(session.page, 'plan-import-preview');

    const draft = await importPage.createDraft();

    expect(await draft.status()).toBe('Dự thảo');
    expect(await draft.title()).toContain('Triển khai Chương trình phối hợp');
    expect(await draft.notice()).toContain('Đã tạo dự thảo từ văn bản');
    await screenshot(session.page, 'plan-imported-draft');
  });

  it('proposes an issuer the registry does not hold, and the administrator adds it from the review', async () => {
    session = await openBrowser();
    const frame = await (await LoginPage.open(session.page)).loginAs('admin');
    await frame.openSection('Kế hoạch');
    const plans = new PlansPage(session.page);
    await plans.waitUntilLoaded();
    const importPage = await plans.importFromDocument();
    // The text as a clerk would paste it (the fixture's two provenance lines left out).
    const text = fs.readFileSync(CORPUS_01, 'utf8').split('\n').slice(2).join('\n');

    await importPage.paste(text);

    expect(await importPage.issuers()).toEqual([
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH chưa có trong danh mục cơ quan Thêm vào danh mục…',
    ]);
    const proposed = await importPage.addIssuerToRegistry(0);
    expect(proposed).toEqual({
      name: 'Ủy ban nhân dân thành phố Hồ Chí Minh',
      abbreviation: 'UBND',
      province: 'Thành phố Hồ Chí Minh',
    });
    expect(await importPage.issuers()).toEqual([
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH trong danh mục: Ủy ban nhân dân thành phố Hồ Chí Minh',
    ]);
    await screenshot(session.page, 'plan-import-issuer-added');
  });
});
