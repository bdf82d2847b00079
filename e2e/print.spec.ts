// Print layouts: a plan, a record, a report and the dashboard, each with its "In" button, as print
// media (no frame, navigation or buttons; the title and a printed-on stamp) and as an A4 PDF, which
// is kept in e2e/.artifacts/ to look at (pdftoppm -png -r 60).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { PrintLayout } from './pages/PrintLayout';
import { DashboardPage } from './pages/AnalyticsPages';

interface Listed {
  items: { id: number; title?: string }[];
}

describe('print layouts', () => {
  let session: BrowserSession;
  const first = async (url: string) =>
    session.page.evaluate(async (u) => ((await (await fetch(u)).json()) as Listed).items[0]!.id, url);

  beforeAll(async () => {
    session = await openBrowser();
    await (await LoginPage.open(session.page)).loginAs('tw.hoiphunu');
  });
  afterAll(async () => {
    await session.close();
  });

  const pages: [string, () => Promise<string>, RegExp][] = [
    ['plan', async () => `/plans/${await first('/api/plans?kind=central&limit=1')}`, /\S/],
    ['record', async () => `/records/${await first('/api/records?limit=1')}`, /\S/],
    ['report', async () => `/reports/${await first('/api/reports?limit=1')}`, /—/],
    ['dashboard', async () => '/dashboard', /Kết quả thực hiện/],
  ];

  for (const [name, address, title] of pages) {
    it(`prints the ${name} without the frame, with its title and the date`, async () => {
      const { page } = session;
      await page.goto(await address());
      const paper = new PrintLayout(page);
      await paper.button.waitFor();
      if (name === 'dashboard') await new DashboardPage(page).waitForMapAndChart();
      const h1 = (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
      expect(h1).toMatch(title);
      // The button prints, under the document's own title.
      const printedAs = await paper.pressPrint();
      expect(printedAs).toContain(h1.slice(0, 20));

      const screen = await paper.shown();
      expect(screen).toMatchObject({ header: true, button: true, title: true, stamp: null });
      await paper.asPaper();
      const printed = await paper.shown();
      expect(printed).toMatchObject({ nav: false, header: false, button: false, title: true });
      const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
      expect(printed.stamp).toContain(`In ngày ${today}`);
      const pdf = await paper.pdf(`print-${name}`);
      expect(pdf.bytes).toBeGreaterThan(5_000);
      await paper.asScreen();
    });
  }
});
