import type { Page } from '@playwright/test';

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
}
