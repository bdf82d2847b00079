import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { ActivitiesPage } from './pages/ActivitiesPage';
import { issuedPlanForNextYear } from './pages/ActivityPlan';
import { RecordFormPage } from './pages/RecordFormPage';

describe('implementation records in the browser', () => {
  let session: BrowserSession | undefined;
  let planId: number;

  beforeAll(async () => {
    planId = await issuedPlanForNextYear();
  });

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('lets a data-entry officer record a training with participants on a phone and shows the activity in progress', async () => {
    session = await openBrowser(PHONE);
    const frame = await (await LoginPage.open(session.page)).loginAs('dienbien.nhaplieu');
    await frame.openSection('Tiến độ hoạt động');
    const activities = new ActivitiesPage(session.page);
    await activities.showPlan(planId);
    await expect.poll(() => activities.statusOf(planId, '1.3'), { timeout: 20_000 }).toBe('Chưa bắt đầu');

    await frame.openSection('Ghi nhận thực hiện');
    const form = await RecordFormPage.open(session.page);
    await form.chooseActivity(planId, '1.3');
    await form.chooseType('Tập huấn');
    await form.fillTitle('Tập huấn kỹ năng truyền thông cho Tổ truyền thông cộng đồng');
    await form.fillStartDate('12/03/2026');
    await form.chooseCommune('muong phang', 'Xã Mường Phăng');
    await form.fillVillage('Bản Che Căn');
    await form.addParticipants('thai', 'Thái', { female: 12, male: 3 });
    await form.addParticipants('mong', 'Mông', { female: 8 });

    expect(await form.gridTotals()).toEqual(['20', '3', '23']);
    await form.enterTotals(23, 20);
    expect(await form.totalsCheck()).toContain('khớp');
    await screenshot(session.page, 'record-form-phone');

    const detail = await form.save();
    expect(await detail.title()).toBe('Tập huấn kỹ năng truyền thông cho Tổ truyền thông cộng đồng');
    expect(await detail.participantsSummary()).toContain('23 người, trong đó nữ: 20');
    await screenshot(session.page, 'record-detail-phone');

    await frame.openSection('Tiến độ hoạt động');
    await activities.showPlan(planId);
    await expect.poll(() => activities.statusOf(planId, '1.3'), { timeout: 20_000 }).toBe('Đang thực hiện');
    await screenshot(session.page, 'activities-in-progress-phone');
  });

  it('registers the model a "model established" record names, without typing it again in the registry', async () => {
    session = await openBrowser(PHONE);
    const frame = await (await LoginPage.open(session.page)).loginAs('dienbien.nhaplieu');
    await frame.openSection('Ghi nhận thực hiện');
    const form = await RecordFormPage.open(session.page);
    await form.chooseActivity(planId, '1.1');
    await form.chooseType('Thành lập/củng cố mô hình');
    await form.fillTitle('Thành lập CLB Thủ lĩnh của sự thay đổi bản Che Căn');
    await form.fillStartDate('05/03/2026');
    await form.chooseCommune('muong phang', 'Xã Mường Phăng');
    await form.fillVillage('Bản Che Căn');
    await form.registerModel('CLB “Thủ lĩnh của sự thay đổi”', 'Lò Văn Hùng', 'Trường PTDTBT THCS Mường Phăng');
    await screenshot(session.page, 'record-model-form-phone');

    const detail = await form.save();
    expect(await detail.registeredModels()).toEqual(['Thành lập CLB Thủ lĩnh của sự thay đổi bản Che Căn']);
    await detail.openModel('Thành lập CLB Thủ lĩnh của sự thay đổi bản Che Căn');
    await expect.poll(() => session!.page.getByText('Lò Văn Hùng').count()).toBeGreaterThan(0);
    await expect.poll(() => session!.page.getByText('Bản Che Căn').count()).toBeGreaterThan(0);
    await screenshot(session.page, 'record-model-in-registry-phone');
  });

  it('does not send participants that do not match the totals from the attendance list', async () => {
    session = await openBrowser(PHONE);
    const frame = await (await LoginPage.open(session.page)).loginAs('dienbien.nhaplieu');
    await frame.openSection('Ghi nhận thực hiện');
    const form = await RecordFormPage.open(session.page);
    await form.chooseActivity(planId, '2.3');
    await form.chooseType('Hội nghị');
    await form.fillTitle('Hội nghị triển khai');
    await form.fillStartDate('20/03/2026');
    await form.addParticipants('dao', 'Dao', { female: 5, male: 5 });
    await form.enterTotals(12, 5);

    const message = await form.saveRefused();

    expect(message).toContain('Tổng theo bảng là 10 người, nhưng tổng số đã nhập là 12');
    expect(session.page.url()).toContain('/records/new');
  });

  it('says the connection is down when a record is opened offline, and opens it once the connection is back', async () => {
    session = await openBrowser();
    const { page, context } = session;
    const frame = await (await LoginPage.open(page)).loginAs('dienbien.nhaplieu');
    await frame.openSection('Ghi nhận thực hiện');
    const links = page.getByRole('table').getByRole('link');
    await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const [first, second] = await links.allInnerTexts();

    await page.getByRole('link', { name: first, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: second, exact: true }).waitFor();

    await context.setOffline(true);
    // The frame says so first (its banner takes a line of the header, moving the page down).
    await page.getByText('Đang ngoại tuyến', { exact: false }).first().waitFor();
    await page.getByRole('link', { name: second, exact: true }).click();
    await page.getByRole('alert').getByText('Không kết nối được với máy chủ').waitFor({ timeout: 10_000 });
    await screenshot(page, 'record-offline');

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('heading', { level: 1, name: second }).waitFor();
  });
});
