// The centre sends an issued central plan down to two provinces; a coordinator of one of them is
// told and finds the province's draft.
import { afterEach, describe, expect, it } from 'vitest';
import { apiCall, apiLogin } from './support/api';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './global-setup';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { PlanDetailPage } from './pages/PlanDetailPage';
import { CascadePanel } from './pages/CascadePanel';

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

interface Plan {
  id: number;
  version: number;
  title: string;
}

/** An issued central plan no province has yet: the demo's 2022 plan rolled forward to 2031, signed by both agencies and issued. */
async function issuedCentralPlan(): Promise<Plan> {
  const women = await apiLogin('tw.hoiphunu');
  const ethnic = await apiLogin('tw.dantoc');
  const list = await apiCall<{ items: Plan[] }>(women, 'GET', '/api/plans?year=2022&kind=central&limit=10');
  let plan = await apiCall<Plan>(women, 'POST', `/api/plans/${list.items[0]!.id}/roll-forward`, { year: 2031 });
  plan = await apiCall<Plan>(women, 'POST', `/api/plans/${plan.id}/submit`, { version: plan.version });
  plan = await apiCall<Plan>(women, 'POST', `/api/plans/${plan.id}/sign`, { version: plan.version });
  plan = await apiCall<Plan>(ethnic, 'POST', `/api/plans/${plan.id}/sign`, { version: plan.version });
  return apiCall<Plan>(women, 'POST', `/api/plans/${plan.id}/issue`, {
    version: plan.version,
    issuedOn: new Date().toISOString().slice(0, 10),
  });
}

/** What the screen shows (the page is long: the plan's whole document is under the table). */
async function view(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

describe('sending a central plan to the provinces in the browser', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  async function openPlanAs(username: string, planId: number, viewport: { width: number; height: number }) {
    await session?.close();
    session = await openBrowser(viewport);
    await (await LoginPage.open(session.page)).loginAs(username);
    await session.page.goto(`/plans/${planId}`);
    const detail = new PlanDetailPage(session.page);
    await detail.waitUntilLoaded();
    return detail;
  }

  it('lets the central coordinator send an issued plan to two provinces, whose coordinator finds the draft', async () => {
    const central = await issuedCentralPlan();

    const detail = await openPlanAs('tw.hoiphunu', central.id, DESKTOP);
    expect(await detail.actions()).toContain('Gửi xuống các tỉnh');
    const cascade = new CascadePanel(session!.page);
    await cascade.waitUntilLoaded();
    await cascade.filterStage('Chưa gửi');
    expect(await cascade.rows()).toHaveLength(34);

    await cascade.openSendDialog();
    await cascade.choose([
      { words: 'lao cai', province: 'Lào Cai' },
      { words: 'dien bien', province: 'Điện Biên' },
    ]);
    expect(await cascade.selectedText()).toBe('Đã chọn 2 tỉnh, thành phố.');
    await view(session!.page, 'cascade-dialog-desktop');
    expect(await cascade.send()).toContain('Đã gửi xuống 2 tỉnh, thành phố');

    await cascade.filterStage('Đã có dự thảo');
    const sent = await cascade.rows();
    expect(sent.map((r) => r.province)).toEqual(['Điện Biên', 'Lào Cai']);
    expect(sent.every((r) => r.stage === 'Đã có dự thảo' && /^\/plans\/\d+$/.test(r.link ?? ''))).toBe(true);
    await cascade.filterStage('Chưa gửi');
    expect(await cascade.rows()).toHaveLength(32);
    await cascade.filterStage('Tất cả');
    await cascade.panel.scrollIntoViewIfNeeded();
    await view(session!.page, 'cascade-overview-desktop');
    const laoCaiLink = sent.find((r) => r.province === 'Lào Cai')!.link!;

    // The same page on a phone, and the dialog there: provinces already sent cannot be picked again.
    await openPlanAs('tw.hoiphunu', central.id, PHONE);
    const onPhone = new CascadePanel(session!.page);
    await onPhone.waitUntilLoaded();
    await onPhone.panel.scrollIntoViewIfNeeded();
    await view(session!.page, 'cascade-overview-phone');
    await onPhone.openSendDialog();
    expect(await onPhone.dialog.getByRole('checkbox', { name: 'Lào Cai (đã có kế hoạch)' }).isDisabled()).toBe(true);
    await view(session!.page, 'cascade-dialog-phone');

    // Lào Cai's coordinator is told, with a link to the province's draft, and opens it.
    await openPlanAs('laocai.hoiphunu', central.id, PHONE);
    const page = session!.page;
    const inbox = await page.evaluate(async () => {
      const response = await fetch('/api/notifications');
      return (await response.json()) as { items: { kind: string; title: string; link: string | null }[] };
    });
    const told = inbox.items.filter((n) => n.kind === 'plan_sent');
    expect(told).toHaveLength(1);
    expect(told[0]!.link).toBe(laoCaiLink);
    expect(told[0]!.title).toContain('xuống tỉnh Lào Cai');
    await page.goto(told[0]!.link!);
    const draft = new PlanDetailPage(page);
    await draft.waitUntilLoaded();
    expect(draft.id()).not.toBe(central.id);
    expect(await draft.status()).toBe('Dự thảo');
    expect(await draft.title()).toContain('tại tỉnh Lào Cai');
    expect(await draft.actions()).toContain('Sửa dự thảo');
    await screenshot(page, 'cascade-laocai-draft-phone');

    // Điện Biên's coordinator is told of Điện Biên's draft, not Lào Cai's.
    const dienBien = await apiLogin('dienbien.hoiphunu');
    const theirs = await apiCall<{ items: { kind: string; link: string | null }[] }>(
      dienBien,
      'GET',
      '/api/notifications',
    );
    const dienBienLink = sent.find((r) => r.province === 'Điện Biên')!.link;
    expect(theirs.items.filter((n) => n.kind === 'plan_sent').map((n) => n.link)).toEqual([dienBienLink]);
  }, 300_000);
});
