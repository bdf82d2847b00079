import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { BudgetPlanPage } from './pages/BudgetPlanPage';
import { ChecklistTemplatesPage } from './pages/ChecklistTemplatesPage';
import { LoginPage } from './pages/LoginPage';
import { MissionListPage } from './pages/MissionListPage';
import { MissionRecommendationsPage } from './pages/MissionRecommendationsPage';

describe('monitoring missions in the browser', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  async function login(username: string, viewport?: { width: number; height: number }) {
    await session?.close();
    session = await openBrowser(viewport);
    return (await LoginPage.open(session.page)).loginAs(username);
  }

  it('plans a joint mission to two provinces; Điện Biên sees its recommendation and closes it with evidence', async () => {
    const stamp = Date.now();
    const title = `Đoàn giám sát liên ngành Dự án 8 (thử ${stamp})`;
    const finding = `Địa chỉ tin cậy tại xã chưa có người trực (thử ${stamp})`;
    const recommendation = `Bố trí kinh phí cho Địa chỉ tin cậy (thử ${stamp})`;

    // The central coordinator plans the mission with members from both agencies.
    let frame = await login('tw.hoiphunu');
    await frame.openSection('Kiểm tra, giám sát');
    const list = new MissionListPage(session!.page);
    await list.waitUntilLoaded();
    const form = await list.planMission();
    await form.fill({
      title,
      purpose: 'Giám sát lồng ghép giới và thực hiện Dự án 8.',
      from: '07/09/2026',
      to: '11/09/2026',
    });
    await form.addMember({
      name: 'Trần Văn Minh',
      title: 'Phó Vụ trưởng',
      agency: 'Bộ Dân tộc và Tôn giáo',
      role: 'Phó Trưởng đoàn',
    });
    await form.addProvince('Lào Cai');
    await form.addProvince('Điện Biên');
    expect(await form.places()).toEqual(['Tỉnh Lào Cai', 'Tỉnh Điện Biên']);
    await screenshot(session!.page, 'mission-form');
    const mission = await form.save();
    expect(await mission.title()).toBe(title);
    expect(await mission.places()).toEqual(['Tỉnh Lào Cai', 'Tỉnh Điện Biên']);

    await mission.answerChecklist('Tỉnh Điện Biên', 7, 'Không', 'Chưa có kinh phí duy trì');
    await mission.recordFinding(finding);
    expect(await mission.findings()).toContain(finding);
    await mission.recommendToProvince(recommendation, 'Tỉnh Điện Biên', '31/12/2026');
    await screenshot(session!.page, 'mission-detail');
    await frame.logout();

    // Điện Biên's union sees it among its recommendations, on a phone, and closes it.
    frame = await login('dienbien.hoiphunu', PHONE);
    await frame.openSection('Kiến nghị');
    const recommendations = new MissionRecommendationsPage(session!.page);
    await recommendations.waitUntilLoaded();
    expect(await recommendations.addresseeOf(recommendation)).toContain('Tỉnh Điện Biên');
    expect(await recommendations.status(recommendation)).toBe('Chưa thực hiện');
    await recommendations.followUp(
      recommendation,
      'Đã hoàn thành',
      'UBND tỉnh đã bố trí 50.000.000 đồng (Quyết định số 123/QĐ-UBND).',
    );
    await recommendations.showStatus('Đã hoàn thành');
    await expect.poll(() => recommendations.status(recommendation)).toBe('Đã hoàn thành');
    await expect
      .poll(async () => recommendations.card(recommendation).locator('.mon-evidence').textContent())
      .toContain('50.000.000 đồng');
    await screenshot(session!.page, 'recommendations-closed-phone');

    // Lào Cai was visited too, but the recommendation was not addressed to it.
    frame = await login('laocai.hoiphunu');
    await frame.openSection('Kiến nghị');
    const laoCai = new MissionRecommendationsPage(session!.page);
    await laoCai.waitUntilLoaded();
    await laoCai.showStatus('Tất cả');
    expect(await laoCai.card(recommendation).count()).toBe(0);
  });

  it('lets an administrator add a monitoring checklist on a phone, pointing at the question left blank', async () => {
    const name = `Giám sát Địa chỉ tin cậy (thử ${Date.now()})`;
    const frame = await login('admin', PHONE);
    await frame.openSection('Bảng kiểm giám sát');
    const checklists = new ChecklistTemplatesPage(session!.page);
    await checklists.add(name, [
      { group: 'Hoạt động', text: 'Địa chỉ tin cậy có nơi tạm lánh an toàn không?' },
      { group: 'Hoạt động', text: '' },
    ]);
    await checklists.save();
    await expect.poll(() => checklists.questionError(2).textContent()).toBe('Cần nhập nội dung câu hỏi');
    await checklists.fillQuestion(2, 'Có sổ theo dõi các trường hợp được hỗ trợ không?');
    await checklists.save();
    await expect.poll(() => checklists.notice.textContent()).toBe('Đã thêm bảng kiểm.');
    expect(await checklists.names()).toContain(name);
    await screenshot(session!.page, 'checklists-phone');
  });

  it('saves planned amounts typed in Vietnamese format together, exactly', async () => {
    const frame = await login('tw.hoiphunu');
    await frame.openSection('Kinh phí');
    await session!.page.getByRole('link', { name: 'Lập dự toán' }).click();
    const editor = new BudgetPlanPage(session!.page);
    await editor.waitUntilLoaded();
    await editor.cell('Nguồn huy động hợp pháp', '1.1').fill('1234567');
    await editor.cell('Nguồn huy động hợp pháp', '1.2').fill('9.007.199.254.740.993');
    expect(await editor.cell('Nguồn huy động hợp pháp', '1.1').inputValue()).toBe('1.234.567');
    await editor.save();
    await expect.poll(() => editor.notice.textContent()).toBe('Đã lưu dự toán.');
    await session!.page.reload();
    await editor.waitUntilLoaded();
    expect(await editor.cell('Nguồn huy động hợp pháp', '1.1').inputValue()).toBe('1.234.567');
    expect(await editor.cell('Nguồn huy động hợp pháp', '1.2').inputValue()).toBe('9.007.199.254.740.993');
    await screenshot(session!.page, 'budget-plan');
  });
});
