import { expect, type Locator, type Page } from '@playwright/test';

declare global {
  interface Window {
    __paste?: string;
  }
}

/**
 * The base of every journey's page object: it records console errors and any request that
 * leaves the machine (nothing may leave the browser: no CDN, no network).
 */
export class WatchedPage {
  readonly consoleErrors: string[] = [];
  readonly foreignRequests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => this.consoleErrors.push(err.message));
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.hostname !== '127.0.0.1' && url.protocol !== 'blob:' && url.protocol !== 'data:') this.foreignRequests.push(req.url());
    });
  }

  /** A click on the empty canvas: its bottom middle, clear of the view bar (top left), the minimap and the controls. */
  async clickPane(): Promise<void> {
    const pane = this.page.locator('.react-flow__pane');
    const size = await pane.boundingBox();
    await pane.click({ position: { x: (size?.width ?? 400) / 2, y: (size?.height ?? 400) - 30 } });
  }

  /** Opens the app on a blank design (New, confirmed when the design has content). */
  async openBlank(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Route Designer' })).toBeVisible();
    const confirm = this.page.getByTestId('confirm-new-ok');
    const empty = this.page.getByTestId('empty-state');
    // New asks first when the design has content; the question (or the empty canvas) may take a
    // moment on a loaded machine, and a click before the app has settled may go unheard: ask again.
    await expect(async () => {
      if (!(await confirm.isVisible())) await this.page.getByTestId('io-new').click();
      await expect(confirm.or(empty)).toBeVisible({ timeout: 3000 });
    }).toPass({ timeout: 20_000 });
    if (await confirm.isVisible()) await confirm.click();
    await expect(empty).toBeVisible();
  }

  /** Pastes `text` outside any text field, as Ctrl+V on the canvas does (the text crosses into the page first). */
  async pasteOnPage(text: string): Promise<void> {
    await this.page.evaluate((t) => (window.__paste = t), text);
    await this.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', window.__paste ?? '');
      delete window.__paste;
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
  }

  /** A canvas node by its test id (`node-<kind>-<namespace>-<name>`). */
  node(kind: string, namespace: string, name: string): Locator {
    return this.page.getByTestId(`node-${kind}-${namespace}-${name}`);
  }

  get editor(): Locator {
    return this.page.getByTestId('yaml-editor');
  }

  /** The editor's drawn lines holding `text`. */
  editorLine(text: string): Locator {
    return this.editor.locator('.view-line').filter({ hasText: text });
  }
}
