import { afterEach, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { SearchPage } from './pages/SearchPage';

// The demo's records of this year: "Thành lập Tổ truyền thông cộng đồng bản Na Sang" in Điện Biên,
// "Truyền thông lưu động phòng, chống tảo hôn và hôn nhân cận huyết thống" in Lào Cai.
const DIEN_BIEN_RECORD = 'Thành lập Tổ truyền thông cộng đồng bản Na Sang';
const LAO_CAI_RECORD = 'Truyền thông lưu động phòng, chống tảo hôn và hôn nhân cận huyết thống';

describe('search everywhere from the header', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('finds a record by unaccented words on desktop and opens it; another province’s record stays out', async () => {
    session = await openBrowser(DESKTOP);
    await (await LoginPage.open(session.page)).loginAs('dienbien.hoiphunu');
    const results = await SearchPage.searchFromHeader(session.page, 'to truyen thong ban na sang');
    expect(await results.titlesUnder('Bản ghi triển khai')).toContain(DIEN_BIEN_RECORD);
    await screenshot(session.page, 'search-results-desktop');

    // Lào Cai's record is not Điện Biên's to read: the search does not show it.
    const other = await SearchPage.searchFromHeader(session.page, 'tao hon can huyet thong');
    expect(await other.titlesUnder('Bản ghi triển khai')).not.toContain(LAO_CAI_RECORD);

    const again = await SearchPage.searchFromHeader(session.page, 'ban na sang');
    await again.open('Bản ghi triển khai', DIEN_BIEN_RECORD);
    await session.page.getByRole('heading', { level: 1, name: DIEN_BIEN_RECORD }).waitFor({ timeout: 30_000 });
  });

  it('finds the same record from the header on a phone, and a central user finds both provinces’ records', async () => {
    session = await openBrowser(PHONE);
    await (await LoginPage.open(session.page)).loginAs('tw.hoiphunu');
    const results = await SearchPage.searchFromHeader(session.page, 'TRUYEN THONG');
    const records = await results.titlesUnder('Bản ghi triển khai');
    expect(records.length).toBeGreaterThan(0);
    await screenshot(session.page, 'search-results-phone');
    expect(
      await (
        await SearchPage.searchFromHeader(session.page, 'tao hon can huyet thong')
      ).titlesUnder('Bản ghi triển khai'),
    ).toContain(LAO_CAI_RECORD);
    expect(
      await (await SearchPage.searchFromHeader(session.page, 'ban na sang')).titlesUnder('Bản ghi triển khai'),
    ).toContain(DIEN_BIEN_RECORD);
  });
});
