import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { AppFrame } from './AppFrame';

export class LoginPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<LoginPage> {
    await page.goto('/login');
    const login = new LoginPage(page);
    await login.username.waitFor();
    return login;
  }

  get username() {
    return this.page.getByLabel('Tên đăng nhập');
  }

  get password() {
    return this.page.getByLabel('Mật khẩu');
  }

  get error() {
    return this.page.getByTestId('login-error');
  }

  async submit(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  /** Logs in as a demo user (they share one password) and waits for the app frame. */
  async loginAs(username: string, password = inject('demoPassword')): Promise<AppFrame> {
    await this.submit(username, password);
    const frame = new AppFrame(this.page);
    await frame.waitUntilReady();
    return frame;
  }
}
