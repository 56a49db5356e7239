import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { Designer, expectReviewDrawn, GATEWAY_API, ISTIO, REVIEW } from './io-designer';

/**
 * Getting designs in and out: Open; review mode; export as is and converted (loss report, side by
 * side), to a file or the clipboard; the diagram as an image; the empty canvas and its curated
 * examples. Paste and drop: paste-import.spec.ts.
 */

const EXAMPLES = ['canary', 'header-routing', 'https-redirect', 'cross-namespace', 'istio-subsets', 'mesh-route', 'shop'] as const;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('open files: several files become one design', async ({ page }) => {
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
