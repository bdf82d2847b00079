import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { PlansPage } from './pages/PlansPage';
import { PlanDetailPage } from './pages/PlanDetailPage';

const HOI = 'Hội LHPN Việt Nam';
const BO = 'Bộ Dân tộc và Tôn giáo';

describe('joint plans in the browser', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  async function loginAndOpenPlans(username: string, viewport?: { width: number; height: number }) {
    await session?.close();
    session = await openBrowser(viewport);
    const frame = await (await LoginPage.open(session.page)).loginAs(username);
    await frame.openSection('Kế hoạch');
    const plans = new PlansPage(session.page);
    await plans.waitUntilLoaded();
    return plans;
  }

  async function openPlanAs(username: string, planId: number): Promise<PlanDetailPage> {
    await session?.close();
    session = await openBrowser();
    await (await LoginPage.open(session.page)).loginAs(username);
    await session.page.goto(`/plans/${planId}`);
    const detail = new PlanDetailPage(session.page);
    await detail.waitUntilLoaded();
    return detail;
  }

  it('is drafted, signed by both issuing agencies and issued, then shows its activity in the right quarter', async () => {
    const title = `Phối hợp truyền thông về bình đẳng giới (thử ${Date.now()})`;
    const activity = 'Tổ chức tọa đàm về bình đẳng giới tại cộng đồng';

    // The women's union drafts the plan with the ministry as co-issuer.
    const plans = await loginAndOpenPlans('tw.hoiphunu');
    const editor = await plans.createPlan();
    await editor.fillTitle(title);
    await editor.addIssuer(BO);
    expect(await editor.issuers()).toEqual(['Hội Liên hiệp Phụ nữ Việt Nam', BO]);
    const section = await editor.addSection('Truyền thông nâng cao nhận thức');
    await editor.addActivity(section, { title: activity, quarters: { from: 'II', to: 'III' } });
    await screenshot(session!.page, 'plan-editor');
    let plan = await editor.save();
    expect(await plan.status()).toBe('Dự thảo');
    expect(await plan.title()).toBe(title);
    const planId = plan.id();

    await plan.submit();
    expect(await plan.actions()).toContain(`Ký cho ${HOI}`);
    await plan.signFor(HOI);
    expect(await plan.status()).toBe('Đang xem xét, ký');
    expect(await plan.actions()).not.toContain(`Ký cho ${HOI}`);

    // The ministry signs for itself.
    plan = await openPlanAs('tw.dantoc', planId);
    expect(await plan.actions()).toContain(`Ký cho ${BO}`);
    expect(await plan.actions()).not.toContain('Ban hành');
    await plan.signFor(BO);
    await plan.waitForStatus('Đã ký đủ, chờ ban hành');
    expect((await plan.signoff()).every((line) => line.includes('Đã ký'))).toBe(true);

    // The lead agency issues it on a date; its number comes from the agency's document register,
    // the symbol lead agency first, with the ministry's abbreviation since the 2025 reform.
    plan = await openPlanAs('tw.hoiphunu', planId);
    const number = await plan.issue('15/03/2026');
    expect(number).toMatch(/^\d{2,}\/KH-HLHPNVN-BDTTG$/);
    expect(await plan.status()).toBe('Đã ban hành');
    expect(await session!.page.getByText(number, { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(session!.page, 'plan-issued');

    const timeline = await plan.openTimeline();
    const quarters = await timeline.quartersCoveredBy(activity);
    expect(quarters.map((q) => q.split('/')[0])).toEqual(['Quý II', 'Quý III']);
    expect(await timeline.barText(activity)).toMatch(/^Từ quý II đến quý III\/\d{4}$/);
    await screenshot(session!.page, 'plan-timeline');
  });

  it('lets a provincial coordinator derive Lào Cai’s plan from the issued 2022 plan, on a phone', async () => {
    const plans = await loginAndOpenPlans('laocai.hoiphunu', PHONE);
    const central = await plans.openPlan('năm 2022');
    expect(await central.status()).toBe('Đã ban hành');
    expect(await central.actions()).toEqual(['Xây dựng kế hoạch của tỉnh']);

    const provincial = await central.deriveProvincialPlan();

    expect(await provincial.status()).toBe('Dự thảo');
    expect(await provincial.title()).toContain('Lào Cai');
    expect(await provincial.actions()).toContain('Sửa dự thảo');
    await screenshot(session!.page, 'plan-laocai-draft-phone');
  });
});
