import { readFileSync } from 'node:fs';
import { WatchedPage } from './watched-page';
import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible } from './axe';

/**
 * Getting designs in and out: import by paste, file drop and Open; review mode; export as is and
 * converted (loss report, side by side), to a file or the clipboard; the diagram as an image;
 * the empty canvas and its curated examples.
 */

const FIXTURES = new URL('./fixtures/io-review/', import.meta.url);
const GATEWAY_API = readFileSync(new URL('gateway-api.yaml', FIXTURES), 'utf8');
const ISTIO = readFileSync(new URL('istio.yaml', FIXTURES), 'utf8');
/** Both fixtures as one multi-document manifest, as someone would paste it. */
const REVIEW = `${GATEWAY_API}---\n${ISTIO}`;
const EXTRA_SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: audit\n  namespace: payments\nspec:\n  ports:\n    - port: 80\n';

const EXAMPLES = ['canary', 'header-routing', 'https-redirect', 'cross-namespace', 'istio-subsets', 'mesh-route', 'shop'] as const;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** The designer, as the import/export journeys use it. */
class Designer extends WatchedPage {

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node('Gateway', 'infra', 'edge')).toBeVisible();
    await expect(this.editor.locator('.monaco-editor')).toBeVisible();
  }

  node(kind: string, namespace: string, name: string): Locator {
    return this.page.getByTestId(`node-${kind}-${namespace}-${name}`);
  }

  group(namespace: string): Locator {
    return this.page.getByTestId(`group-${namespace}`);
  }

  get editor(): Locator {
    return this.page.getByTestId('yaml-editor');
  }

  editorLine(text: string): Locator {
    return this.editor.locator('.view-line').filter({ hasText: text });
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
async function expectReviewDrawn(app: Designer): Promise<void> {
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

test('paste a multi-document manifest into an empty design, then append more through the import dialog', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await expect(page.getByTestId('status-problems')).toHaveText('No problems');
  await app.screenshot('io-01-empty');
  await expectAccessible(page, 'import-export: io-01-empty');

  await app.paste(REVIEW);
  await expect(page.getByTestId('empty-state')).toBeHidden();
  await expectReviewDrawn(app);
  await expect(app.editorLine('# Review fixture: the edge')).toBeAttached();
  await app.screenshot('io-02-pasted-review');
  await expectAccessible(page, 'import-export: io-02-pasted-review');

  // Pasting into a design that is not empty asks: replace or append.
  await app.paste(EXTRA_SERVICE);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('import-text')).toHaveValue(EXTRA_SERVICE);
  await page.getByTestId('import-mode-append').check();
  await app.screenshot('io-03-import-dialog');
  await expectAccessible(page, 'import-export: io-03-import-dialog');
  await page.getByTestId('import-submit').click();
  await expect(dialog).toBeHidden();
  await expect(app.node('Service', 'payments', 'audit')).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();

  // The dialog's own textarea: replace everything with what is typed there.
  await page.getByTestId('io-import').click();
  await page.getByTestId('import-text').fill(EXTRA_SERVICE);
  await page.getByTestId('import-submit').click();
  await expect(app.node('Service', 'payments', 'audit')).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toHaveCount(0);
  // An import is one step: undo brings the whole previous design back.
  await page.getByTestId('undo').click();
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
  await expect(app.node('Service', 'payments', 'audit')).toBeVisible();
  app.checkClean();
});

test('open files, and drop files onto the window: several files become one design', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  const files = [
    { name: 'gateway-api.yaml', text: GATEWAY_API },
    { name: 'istio.yaml', text: ISTIO },
  ];

  // Open replaces the design with the chosen files.
  await page.getByTestId('io-open-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/yaml', buffer: Buffer.from(f.text) })));
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
  await expect(app.node('Gateway', 'infra', 'edge')).not.toContainText('https :443');
  await expectReviewDrawn(app);
  await expect(page.locator('.rd-file-name')).toHaveText('imported.yaml');
  await expect(app.editorLine('# Source: gateway-api.yaml')).toBeAttached();

  // Dropping on an empty design imports at once.
  await app.newDesign();
  await app.dropFiles(files, 'io-04-drop-overlay');
  await expectReviewDrawn(app);

  // Dropping on a design asks; a JSON file is a manifest too.
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ledger', namespace: 'payments' }, spec: { ports: [{ port: 80 }] } });
  await app.dropFiles([{ name: 'ledger.json', text: json }]);
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await expect(page.getByTestId('import-file-names')).toHaveText('ledger.json');
  await page.getByTestId('import-mode-append').check();
  await page.getByTestId('import-submit').click();
  await expect(app.node('Service', 'payments', 'ledger')).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'orders')).toBeVisible();
  app.checkClean();
});

test('review mode prevents edits; selecting, moving and inspecting still work', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await app.paste(REVIEW);
  await expectReviewDrawn(app);
  const before = await app.editorText();

  await page.getByTestId('toggle-review').click();
  await expect(page.getByTestId('review-badge')).toBeVisible();
  await expect(page.getByTestId('toggle-review')).toHaveAttribute('aria-pressed', 'true');

  // The editor refuses typing.
  await app.editorLine('name: storefront').first().click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('End');
  await page.keyboard.type('-typed');
  await page.keyboard.press('Backspace');
  await expect(app.editorLine('storefront-typed')).toHaveCount(0);

  // The canvas: a selected node survives Delete and Backspace; it can still be moved.
  const route = app.node('HTTPRoute', 'shop', 'checkout');
  await route.click();
  await expect(route).toHaveClass(/is-selected/);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await expect(route).toBeVisible();
  const box = await route.boundingBox();
  if (!box) throw new Error('no box');
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + 52, { steps: 6 });
  await page.mouse.up();
  const moved = await route.boundingBox();
  expect(Math.round((moved?.y ?? 0) - box.y)).toBeGreaterThan(20);
  await expect(page.getByTestId('inspector')).toContainText('checkout');
  await app.screenshot('io-05-review-mode');
  await expectAccessible(page, 'import-export: io-05-review-mode');

  expect(await app.editorText()).toBe(before);
  await page.getByTestId('toggle-review').click();
  await expect(page.getByTestId('review-badge')).toBeHidden();
  app.checkClean();
});

test('export as is, to Istio with its loss report side by side, to the clipboard, and the diagram', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await app.paste(REVIEW);
  await expectReviewDrawn(app);

  // As is: the downloaded file is the editor's text, byte for byte.
  const shown = await app.editorText();
  expect(shown).toBe(REVIEW);
  let dialog = await app.openExport();
  await expect(page.getByTestId('export-dialect-as-is')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('export-preview')).toContainText('kind: Gateway');
  const asIs = await app.download(page.getByTestId('export-download'));
  expect(asIs.name).toBe('pasted.yaml');
  expect(asIs.bytes.toString('utf8')).toBe(shown);
  expect(asIs.bytes.equals(Buffer.from(shown, 'utf8'))).toBe(true);

  // To Istio: the loss report, each entry with its code, object and line; side by side.
  await page.getByTestId('export-dialect-istio').click();
  await expect(page.getByTestId('export-file-name')).toHaveValue('pasted.istio.yaml');
  const entries = page.getByTestId('loss-entry');
  await expect(entries.first()).toBeVisible();
  await expect(page.getByTestId('loss-count')).toContainText('lost');
  await expect(page.locator('[data-testid="loss-entry"][data-code="MissingBackendStatus"]')).toContainText('HTTPRoute shop/cart');
  const refused = page.locator('[data-testid="loss-entry"][data-code="RefNotPermitted"]');
  await expect(refused).toContainText('HTTPRoute shop/checkout');
  await expect(refused).toContainText(/pasted\.yaml:\d+/);
  await refused.getByRole('button', { pressed: false }).first().click();
  await expect(refused).toHaveClass(/is-active/);
  const sourceLit = page.getByTestId('export-source').locator('.is-highlighted');
  await expect(sourceLit.first()).toBeVisible();
  await expect(sourceLit.filter({ hasText: 'name: checkout' })).toHaveCount(1);
  const targetLit = page.getByTestId('export-converted').locator('.is-highlighted');
  await expect(targetLit.filter({ hasText: 'kind: VirtualService' })).toHaveCount(1);
  await expect(targetLit.filter({ hasText: 'name: checkout' })).toHaveCount(1);
  await expect(page.getByTestId('export-converted')).not.toContainText('kind: HTTPRoute');
  await app.screenshot('io-06-export-istio');
  await expectAccessible(page, 'import-export: io-06-export-istio');

  // Download and clipboard carry the same converted YAML.
  const converted = await app.download(page.getByTestId('export-download'));
  expect(converted.name).toBe('pasted.istio.yaml');
  expect(converted.bytes.toString('utf8')).toContain('kind: VirtualService');
  await page.getByTestId('export-copy').click();
  await expect(page.getByTestId('export-message')).toHaveText('Copied to the clipboard');
  expect(await app.clipboard()).toBe(converted.bytes.toString('utf8'));

  // The diagram as PNG and SVG, rendered in the page.
  const png = await app.download(page.getByTestId('export-png'));
  expect(png.name).toBe('pasted.png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.length).toBeGreaterThan(10_000);
  const svg = await app.download(page.getByTestId('export-svg'));
  expect(svg.name).toBe('pasted.svg');
  expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns/);
  expect(svg.bytes.toString('utf8')).toContain('checkout');

  // The entry's line link jumps to that line in the editor.
  const line = Number((await refused.getByTestId('loss-line').textContent())?.split(':').pop());
  await refused.getByTestId('loss-line').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText(String(line));
  await expect(app.node('HTTPRoute', 'shop', 'checkout')).toHaveClass(/is-selected/);

  // Gateway API, in the dark theme: the Istio half converted (subsets are a loss unless asked).
  await page.getByTestId('toggle-theme').click();
  dialog = await app.openExport();
  await page.getByTestId('export-dialect-gateway-api').click();
  await expect(page.locator('[data-testid="loss-entry"][data-code="Subset"]').first()).toBeVisible();
  await page.getByTestId('export-subsets').check();
  await expect(page.locator('[data-testid="loss-entry"][data-code="Subset"]')).toHaveCount(0);
  await expect(page.getByTestId('export-converted')).toContainText('kind: HTTPRoute');
  await app.screenshot('io-07-export-gateway-api-dark');
  await expectAccessible(page, 'import-export: io-07-export-gateway-api-dark');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  app.checkClean();
});

test('an empty canvas teaches: start from each curated example', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  const expected: Record<(typeof EXAMPLES)[number], [string, string, string]> = {
    canary: ['HTTPRoute', 'shop', 'checkout'],
    'header-routing': ['HTTPRoute', 'app', 'api'],
    'https-redirect': ['HTTPRoute', 'web', 'redirect-to-https'],
    'cross-namespace': ['Service', 'backend', 'api'],
    'istio-subsets': ['VirtualService', 'bookinfo', 'reviews'],
    'mesh-route': ['HTTPRoute', 'payments', 'payments-split'],
    shop: ['HTTPRoute', 'shop', 'cart'],
  };
  for (const example of EXAMPLES) {
    await app.newDesign();
    if (example === 'canary') {
      await app.screenshot('io-08-empty-state');
      await expectAccessible(page, 'import-export: io-08-empty-state');
    }
    await page.getByTestId(`example-${example}`).click();
    const [kind, ns, name] = expected[example];
    await expect(app.node(kind, ns, name)).toBeVisible();
    await expect(page.getByTestId('empty-state')).toBeHidden();
    await expect(page.locator('.rd-file-name')).toHaveText(`${example}.yaml`);
    await expect(page.getByTestId('status-problems')).toHaveText('No problems');
    if (example === 'canary') await expect(page.getByTestId('edge-label').filter({ hasText: /^10 · 10 %$/ })).toBeVisible();
    if (example === 'mesh-route') {
      await app.screenshot('io-09-example-mesh-route');
      await expectAccessible(page, 'import-export: io-09-example-mesh-route');
    }
  }
  await page.getByTestId('toggle-theme').click();
  await app.newDesign();
  await app.screenshot('io-10-empty-state-dark');
  await expectAccessible(page, 'import-export: io-10-empty-state-dark');
  app.checkClean();
});
