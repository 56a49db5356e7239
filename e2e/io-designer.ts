import { readFileSync } from 'node:fs';
import { expect, type Locator } from '@playwright/test';
import { WatchedPage } from './watched-page';

/** The page object and fixtures of the journeys that get designs in and out (import-export, paste-import). */

const FIXTURES = new URL('./fixtures/io-review/', import.meta.url);
export const GATEWAY_API = readFileSync(new URL('gateway-api.yaml', FIXTURES), 'utf8');
export const ISTIO = readFileSync(new URL('istio.yaml', FIXTURES), 'utf8');
/** Both fixtures as one multi-document manifest, as someone would paste it. */
export const REVIEW = `${GATEWAY_API}---\n${ISTIO}`;
export const EXTRA_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: audit\n  namespace: payments\nspec:\n  ports:\n    - port: 80\n';

/** The designer, as the import/export journeys use it. */
export class Designer extends WatchedPage {
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node('Gateway', 'infra', 'edge')).toBeVisible();
    await expect(this.editor.locator('.monaco-editor')).toBeVisible();
  }

  group(namespace: string): Locator {
    return this.page.getByTestId(`group-${namespace}`);
  }

  async newDesign(): Promise<void> {
    await this.page.getByTestId('io-new').click();
    // A design that is not empty is cleared only once confirmed.
    const confirm = this.page.getByTestId('confirm-new-ok');
    await expect(confirm.or(this.page.getByTestId('empty-state'))).toBeVisible();
    if (await confirm.isVisible()) await confirm.click();
    await expect(this.page.getByTestId('empty-state')).toBeVisible();
  }

  /** A paste on the canvas (outside any text field), as Ctrl+V delivers it. */
  async paste(text: string): Promise<void> {
    await this.clickPane();
    await this.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Drags files from the desktop onto the window and drops them. */
  async dropFiles(files: readonly { name: string; text: string }[], screenshot?: string): Promise<void> {
    const data = await this.page.evaluateHandle((fs) => {
      const dt = new DataTransfer();
      for (const f of fs) dt.items.add(new File([f.text], f.name, { type: 'application/yaml' }));
      return dt;
    }, files);
    const target = this.page.locator('.rd-canvas-pane');
    await target.dispatchEvent('dragenter', { dataTransfer: data });
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await expect(this.page.getByTestId('drop-overlay')).toBeVisible();
    if (screenshot) await this.screenshot(screenshot);
    await target.dispatchEvent('drop', { dataTransfer: data });
    await expect(this.page.getByTestId('drop-overlay')).toBeHidden();
  }

  /**
   * Everything the YAML editor shows, copied out of it the way a user would. The system
   * clipboard hands lines back with CRLF: the editor's own line ends are LF.
   */
  async editorText(): Promise<string> {
    await this.editor.click({ position: { x: 120, y: 120 } });
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+C');
    const text = await this.clipboard();
    await this.page.keyboard.press('ArrowUp'); // drop the selection
    return text.replace(/\r\n/g, '\n');
  }

  clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  async openExport(): Promise<Locator> {
    await this.page.getByTestId('io-export').click();
    const dialog = this.page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async screenshot(name: string): Promise<void> {
    await this.page.waitForTimeout(250); // let transitions settle
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }

  checkClean(): void {
    expect(this.foreignRequests).toEqual([]);
    expect(this.consoleErrors).toEqual([]);
  }
}

/** The node lies inside its namespace's group on the canvas (both measured at the same instant). */
async function expectInside(node: Locator, group: Locator): Promise<void> {
  const [a, b] = await Promise.all([node.elementHandle(), group.elementHandle()]);
  if (!a || !b) throw new Error('node or group not drawn');
  const [n, g] = await a.evaluate((x, y): DOMRect[] => [x.getBoundingClientRect(), y.getBoundingClientRect()].map((r) => r.toJSON() as DOMRect), b);
  if (!n || !g) throw new Error('no boxes');
  expect(n.x).toBeGreaterThanOrEqual(g.x - 1);
  expect(n.y).toBeGreaterThanOrEqual(g.y - 1);
  expect(n.x + n.width).toBeLessThanOrEqual(g.x + g.width + 1);
  expect(n.y + n.height).toBeLessThanOrEqual(g.y + g.height + 1);
}

/** What the review fixture must show: every namespace, every relationship, what is broken and why. */
export async function expectReviewDrawn(app: Designer): Promise<void> {
  const { page } = app;
  const placed: [string, string, string][] = [
    ['Gateway', 'infra', 'edge'],
    ['HTTPRoute', 'shop', 'storefront'],
    ['HTTPRoute', 'shop', 'orders'],
    ['HTTPRoute', 'shop', 'cart'],
    ['HTTPRoute', 'shop', 'checkout'],
    ['Service', 'shop', 'storefront'],
    ['Service', 'shop', 'cart-v1'],
    ['Gateway', 'payments', 'pay-gateway'],
    ['VirtualService', 'payments', 'pay'],
    ['Service', 'payments', 'pay'],
  ];
  await page.getByTestId('fit-view').click();
  for (const [kind, ns, name] of placed) {
    await expect(app.node(kind, ns, name)).toBeVisible();
    await expectInside(app.node(kind, ns, name), app.group(ns));
  }
  // Istio's own objects are drawn as such, subsets as rows of the Service they refine.
  await expect(app.node('Gateway', 'payments', 'pay-gateway')).toContainText('Istio');
  await expect(app.node('Service', 'payments', 'pay')).toContainText('subset v2');
  await expect(app.node('VirtualService', 'payments', 'pay')).toContainText('prefix /v2');
  // Relationships: weights on the canary split.
  await expect(page.getByTestId('edge-label').filter({ hasText: /^90 · 90 %$/ })).toBeVisible();
  // Broken, on the canvas with the reason: the missing backend is a placeholder that says so…
  const missing = app.node('Service', 'shop', 'cart-v3');
  await expect(missing).toBeVisible();
  await expect(missing).toContainText('missing');
  await expect(missing).toContainText('not in this design');
  // …the route that did not attach has a dashed edge to the parent it asked for, with the reason…
  await expect(page.getByTestId('edge-label').filter({ hasText: 'NoMatchingParent' })).toContainText('admin');
  // …and the cross-namespace backend without a ReferenceGrant is a marked row on its route.
  await expect(app.node('HTTPRoute', 'shop', 'checkout').getByTestId('row-problem')).toContainText('RefNotPermitted');
  await expect(app.node('HTTPRoute', 'shop', 'cart').getByTestId('row-problem')).toContainText('cart-v3');
}
