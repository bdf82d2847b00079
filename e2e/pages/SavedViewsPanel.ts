import type { Page } from 'playwright-core';

/** The pivot page's saved views: open one, save the current view, rename or delete one's own. */
export class SavedViewsPanel {
  constructor(readonly page: Page) {}

  get picker() {
    return this.page.getByLabel('Mở chế độ xem đã lưu');
  }

  get notice() {
    return this.page.locator('.an-saved').getByRole('status');
  }

  /** Saves the pivot on screen under a name, shared with the agency or not; returns the notice. */
  async save(name: string, shared: boolean): Promise<string> {
    await this.page.getByRole('button', { name: 'Lưu chế độ xem này…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Lưu chế độ xem bảng tổng hợp' });
    await dialog.getByLabel('Tên chế độ xem').fill(name);
    await dialog.getByLabel('Chia sẻ với mọi người trong cơ quan tôi').setChecked(shared);
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    return (await this.notice.innerText()).trim();
  }

  /** The names offered, as the picker shows them (shared views with their owner). */
  async offered(): Promise<string[]> {
    await this.picker.waitFor();
    return (await this.picker.locator('option:not([value=""])').allTextContents()).map((s) => s.trim());
  }

  /** Opens the saved view whose label in the picker contains `name`. */
  async open(name: string): Promise<void> {
    const option = this.picker.locator('option', { hasText: name }).first();
    await option.waitFor({ state: 'attached' });
    await this.picker.selectOption({ label: (await option.textContent())!.trim() });
  }

  async canRename(): Promise<boolean> {
    return this.page.getByRole('button', { name: 'Đổi tên…' }).isVisible();
  }

  async canDelete(): Promise<boolean> {
    return this.page.getByRole('button', { name: 'Xóa', exact: true }).isVisible();
  }
}
