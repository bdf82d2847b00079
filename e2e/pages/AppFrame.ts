import type { Page } from 'playwright-core';
import { AdminUnitsPage } from './AdminUnitsPage';
import { AgenciesPage } from './AgenciesPage';

/** The header and navigation around every page once logged in. */
export class AppFrame {
  constructor(readonly page: Page) {}

  /** On a phone the navigation is hidden until the menu button is pressed. */
  get nav() {
    return this.page.getByRole('navigation', { name: 'Điều hướng chính', includeHidden: true });
  }

  get userBox() {
    return this.page.getByTestId('user-box');
  }

  async waitUntilReady(): Promise<void> {
    await this.userBox.waitFor();
  }

  /** The labels of the navigation links, visible or behind the phone menu. */
  async navEntries(): Promise<string[]> {
    const texts = await this.nav.getByRole('link', { includeHidden: true }).allTextContents();
    return texts.map((text) => text.trim());
  }

  async openSection(name: string): Promise<void> {
    // The frame first: right after login the menu button may not be drawn yet, and isVisible() does not wait.
    await this.waitUntilReady();
    const menu = this.page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await this.nav.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async openAdminUnits(): Promise<AdminUnitsPage> {
    await this.openSection('Đơn vị hành chính');
    const page = new AdminUnitsPage(this.page);
    await page.waitUntilLoaded();
    return page;
  }

  async openAgencies(): Promise<AgenciesPage> {
    await this.openSection('Cơ quan');
    const page = new AgenciesPage(this.page);
    await page.waitUntilLoaded();
    return page;
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await this.page.getByLabel('Tên đăng nhập').waitFor();
  }
}
