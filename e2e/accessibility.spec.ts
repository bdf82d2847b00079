// axe-core on every main page, at desktop and phone width, as the role that works there: no
// serious or critical violation (contrast of every text, buttons' included; labels; names;
// landmarks). support/axe.ts runs it; the failure lists each finding with its elements.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { axeViolations, describeFindings, waitUntilSettled } from './support/axe';
import { LoginPage } from './pages/LoginPage';
import { PlansPage } from './pages/PlansPage';
import { ReportsPage } from './pages/ReportPages';
import { RecordFormPage } from './pages/RecordFormPage';

const VIEWPORTS = {
  desktop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
} as const;

interface MainPage {
  name: string;
  /** Opens the page from wherever the browser is; the page's h1 is then waited for. */
  open(page: Page): Promise<void>;
}

const at = (name: string, path: string): MainPage => ({ name, open: (page) => page.goto(path).then(() => undefined) });

const PAGES_BY_USER: Record<string, MainPage[]> = {
  'tw.hoiphunu': [
    at('plans list', '/plans'),
    {
      name: "a plan's detail",
      async open(page) {
        await page.goto('/plans');
        const plans = new PlansPage(page);
        await plans.waitUntilLoaded();
        await plans.table.getByRole('link').first().click();
        await page.waitForURL(/\/plans\/\d+$/);
      },
    },
    at('plan editor', '/plans/new'),
    at('activities', '/activities'),
    at('registry of models', '/models'),
    at('missions', '/missions'),
    at('policy reviews', '/policy-reviews'),
    at('budgets', '/budgets'),
    at('analytics pivot', '/pivot'),
    at('dashboard', '/dashboard'),
    at('reports list', '/reports'),
    at('consolidation', '/reports/consolidation'),
  ],
  'laocai.hoiphunu': [
    at('home (province)', '/'),
    {
      // The list whose "Lập báo cáo" buttons were white on white: color-contrast covers buttons' text.
      name: 'reports list with reports to start',
      async open(page) {
        await page.goto('/reports');
        await page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ' }).waitFor();
        await new ReportsPage(page).showYear(2022);
        await page
          .getByRole('button', { name: /^Lập báo cáo: / })
          .first()
          .waitFor();
      },
    },
    at('records list', '/records'),
    at('record form', '/records/new'),
    {
      name: 'report editor',
      async open(page) {
        await page.goto('/reports');
        await page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ' }).waitFor();
        const reports = new ReportsPage(page);
        await reports.showYear(2022);
        await reports.open('Báo cáo quý', 'Quý III/2022');
      },
    },
  ],
  admin: [
    at('home (admin)', '/'),
    at('admin: users', '/users'),
    at('admin: agencies', '/agencies'),
    at('admin: administrative units', '/admin-units'),
    at('admin: ethnic groups', '/ethnic-groups'),
    at('admin: audit log', '/audit'),
  ],
};

describe.each(Object.entries(VIEWPORTS))('accessibility (axe-core) at %s width', (width, viewport) => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  async function check(page: Page, name: string, found: string[]): Promise<void> {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await waitUntilSettled(page);
    const findings = await axeViolations(page);
    if (findings.length > 0) {
      found.push(describeFindings(`${name} (${width})`, findings));
      await screenshot(page, `axe-${width}-${name.replace(/[^a-z0-9]+/gi, '-')}`);
    }
  }

  it('the login page has no serious or critical violation', { timeout: 300_000 }, async () => {
    session = await openBrowser(viewport);
    const login = await LoginPage.open(session.page);
    const found: string[] = [];
    await check(session.page, 'login', found);
    // The failed login's message is part of the page too.
    await login.submit('admin', 'not-the-password');
    await login.error.waitFor();
    await check(session.page, 'login with an error', found);
    expect(found.join('\n')).toBe('');
  });

  it.each(Object.keys(PAGES_BY_USER))(
    "%s's main pages have no serious or critical violation",
    { timeout: 900_000 },
    async (username) => {
      session = await openBrowser(viewport);
      await (await LoginPage.open(session.page)).loginAs(username);
      const found: string[] = [];
      for (const main of PAGES_BY_USER[username]!) {
        await main.open(session.page);
        await check(session.page, main.name, found);
      }
      if (width === 'phone') {
        // The navigation as the phone's menu shows it.
        await session.page.getByRole('button', { name: 'Menu' }).click();
        await check(session.page, 'phone menu', found);
      }
      expect(found.join('\n')).toBe('');
    },
  );
});

describe('using the app by keyboard, by screen reader and on a phone', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  async function login(username: string, viewport: { width: number; height: number } = VIEWPORTS.desktop) {
    session = await openBrowser(viewport);
    await (await LoginPage.open(session.page)).loginAs(username);
    return session.page;
  }

  it('the activity list of the record form is a combobox: arrows move, Enter chooses, Escape closes, focus stays', async () => {
    const page = await login('dienbien.nhaplieu');
    await page.goto('/records/new');
    const form = new RecordFormPage(page);
    await form.waitUntilLoaded();
    const picker = await form.activityCombobox();
    // The plans in the picker start with their year, which tells plans of the same title apart.
    const plans = await form.planOptions();
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).toMatch(/^\d{4} · /);

    const options = await form.activityOptions();
    expect(options.length).toBeGreaterThan(1);
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    expect(await form.activeOption()).toBe(options[0]);
    await page.keyboard.press('ArrowDown');
    expect(await form.activeOption()).toBe(options[1]);
    await page.keyboard.press('ArrowUp');
    expect(await form.activeOption()).toBe(options[0]);
    // Moving chose nothing, kept the list open and the focus in the box.
    expect(await form.chosenActivity()).toBeNull();
    expect(await picker.getAttribute('aria-expanded')).toBe('true');
    expect(await form.focusedName()).toBe('Hoạt động');
    const found = await axeViolations(page);
    expect(describeFindings('record form, list open', found)).toBe('');

    await page.keyboard.press('Enter');
    expect(await form.chosenActivity()).toBe(options[0]);
    // Enter chose the activity without submitting the form; focus went to the button that changes it.
    expect(page.url()).toMatch(/\/records\/new$/);
    expect(await form.focusedName()).toBe('Chọn hoạt động khác');

    await page.keyboard.press('Enter');
    await picker.waitFor();
    expect(await form.focusedName()).toBe('Hoạt động');
    await page.keyboard.press('ArrowDown');
    expect(await form.activeOption()).toBe(options[1]);
    await page.keyboard.press('Escape');
    // Escape went back to the activity chosen before, focus on its button.
    expect(await form.chosenActivity()).toBe(options[0]);
    expect(await form.focusedName()).toBe('Chọn hoạt động khác');
  });

  it('a page the role may not open says so; an address that does not exist says it is not found', async () => {
    const page = await login('dienbien.nhaplieu');
    await page.goto('/users');
    await page.getByRole('heading', { level: 1, name: 'Bạn không có quyền mở trang này' }).waitFor();
    expect(await page.getByText('Không tìm thấy trang').count()).toBe(0);
    expect(describeFindings('forbidden page', await axeViolations(page))).toBe('');
    await page.goto('/plans/new');
    await page.getByRole('heading', { level: 1, name: 'Bạn không có quyền mở trang này' }).waitFor();
    await page.goto('/khong-co-trang-nay');
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
  });

  it('on a phone the report editor starts as its headings, and the confirmation reads its question', async () => {
    const page = await login('laocai.hoiphunu', VIEWPORTS.phone);
    await page.goto('/reports');
    const reports = new ReportsPage(page);
    await page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ' }).waitFor();
    await reports.showYear(2022);
    const editor = await reports.open('Báo cáo quý', 'Quý III/2022');
    await waitUntilSettled(page);
    expect(await editor.foldedSections()).toEqual([
      'Chỉ số so với chỉ tiêu',
      'Hoạt động đã thực hiện trong kỳ',
      'Tình trạng các hoạt động của kế hoạch',
      'Mô hình cộng đồng',
      'Quá trình xử lý',
    ]);
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);
    await screenshot(page, 'report-editor-phone-folded');
    const records = await editor.unfold('Hoạt động đã thực hiện trong kỳ');
    await records.locator('details[open]').waitFor();
    const unfolded = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(unfolded).toBeGreaterThan(folded);
    expect(folded).toBeLessThan(4 * VIEWPORTS.phone.height);

    // The app's confirmation: a modal dialog whose description is its question.
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận' });
    await dialog.waitFor();
    const description = await dialog.evaluate(
      (element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? null,
    );
    expect(description).toBe('Gửi báo cáo lên cấp trên? Số liệu sẽ được chốt tại thời điểm gửi.');
    expect(describeFindings('confirm dialog (phone)', await axeViolations(page))).toBe('');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
