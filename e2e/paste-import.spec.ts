import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { generatePeerDesign } from '../src/bench/generate-peer';
import { Designer, EXTRA_SERVICE, expectReviewDrawn, GATEWAY_API, ISTIO, REVIEW } from './io-designer';

/**
 * Paste and drop (issue 15): onto a design with content they replace it at once — no dialog
 * renders the text first — and a toast offers Undo (the design before, drawn where it was) and
 * Append instead. An empty design takes them without a word; the Import button, and review mode,
 * still ask with the dialog; a paste in the YAML editor is text editing.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1600, height: 1000 } });

/** Objects in a manifest: documents with a top-level kind. */
const objectsIn = (text: string): number => text.split(/^---$/m).filter((d) => /^kind:/m.test(d)).length;

/** Where every drawn node is, as React Flow places it (model coordinates, not the viewport's). */
function nodePlaces(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => [n.dataset.id ?? '', n.style.transform])));
}

/** Waits until nothing is being analysed or laid out, and the drawing has stopped moving. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('laying-out')).toHaveCount(0);
  await expect(page.getByTestId('analysis-progress')).toHaveCount(0);
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await nodePlaces(page));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

/** Drags a node by hand (it is pinned there). */
async function dragBy(page: Page, node: Locator, dx: number, dy: number): Promise<void> {
  const box = await node.boundingBox();
  if (!box) throw new Error('no box');
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + 12 + dy, { steps: 6 });
  await page.mouse.up();
}

const toastText = (page: Page): Locator => page.getByTestId('import-toast-text');

test('paste onto a design replaces it at once; Undo brings it back as drawn; Append instead', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  // The user's drawing: a node placed by hand, a namespace collapsed.
  await dragBy(page, app.node('Gateway', 'infra', 'edge'), 0, 140);
  await page.getByTestId('collapse-shop').click();
  await expect(page.getByTestId('collapsed-shop')).toBeVisible();
  await settled(page);
  const before = await nodePlaces(page);

  await app.paste(REVIEW);
  const toast = page.getByTestId('import-toast');
  await expect(toast).toBeVisible();
  await expect(toastText(page)).toHaveText(`Replaced the design with ${objectsIn(REVIEW)} objects from the clipboard`);
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.locator('[role="status"]').filter({ has: toast })).toHaveCount(1);
  // It does not take the focus.
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="import-toast"]') ?? null)).toBeNull();
  await expect(page.locator('.rd-file-name')).toHaveText('pasted.yaml');
  await expectReviewDrawn(app);
  await app.screenshot('paste-01-replaced-toast');
  await expectAccessible(page, 'paste-import: paste-01-replaced-toast');

  // Undo, from the keyboard (the toast comes right before the side panel in the Tab order): the
  // example is back, drawn where it was, its namespace still collapsed.
  await page.getByTestId('tab-inspector').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('import-toast-close')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('import-toast-undo')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toast).toHaveCount(0);
  await expect(page.locator('.rd-file-name')).toHaveText('shop.yaml');
  await expect(page.getByTestId('collapsed-shop')).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'checkout')).toHaveCount(0);
  await settled(page);
  expect(await nodePlaces(page)).toEqual(before);

  // Paste again, in the dark theme: Append instead keeps the example and adds the Service.
  await page.getByTestId('toggle-theme').click();
  await app.paste(EXTRA_SERVICE);
  await expect(toastText(page)).toHaveText('Replaced the design with 1 object from the clipboard');
  await expect(app.node('Service', 'payments', 'audit')).toBeVisible();
  await expect(app.node('Gateway', 'infra', 'edge')).toHaveCount(0);
  await app.screenshot('paste-02-replaced-toast-dark');
  await expectAccessible(page, 'paste-import: paste-02-replaced-toast-dark');
  await page.getByTestId('import-toast-append').click();
  await expect(toast).toHaveCount(0);
  await expect(app.node('Service', 'payments', 'audit')).toBeVisible();
  await expect(app.node('Gateway', 'infra', 'edge')).toBeVisible();
  await expect(page.locator('.rd-file-name')).toHaveText('shop.yaml');
  await app.screenshot('paste-03-appended-dark');
  const appended = await app.editorText();
  expect(appended.endsWith(`---\n${EXTRA_SERVICE}`)).toBe(true);
  expect(appended).toContain('name: edge');
  // One step from the example: the toolbar's undo takes the appended Service away.
  await page.getByTestId('undo').click();
  await expect(app.node('Service', 'payments', 'audit')).toHaveCount(0);
  await expect(app.node('Gateway', 'infra', 'edge')).toBeVisible();

  // Ctrl+Z while the toast shows is its Undo; Escape dismisses it and keeps the paste.
  await app.paste(EXTRA_SERVICE);
  await expect(toast).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(toast).toHaveCount(0);
  await expect(app.node('Gateway', 'infra', 'edge')).toBeVisible();
  await expect(page.locator('.rd-file-name')).toHaveText('shop.yaml');
  await app.paste(EXTRA_SERVICE);
  await expect(toast).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toast).toHaveCount(0);
  await expect(app.node('Service', 'payments', 'audit')).toBeVisible();
  app.checkClean();
});

test('drop files onto a design: replaced at once, the toast names them; an empty design takes a paste without asking', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await app.paste(REVIEW);
  await expect(page.getByTestId('empty-state')).toBeHidden();
  await expectReviewDrawn(app);
  await expect(page.getByTestId('import-toast')).toHaveCount(0);
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);

  const files = [
    { name: 'gateway-api.yaml', text: GATEWAY_API },
    { name: 'istio.yaml', text: ISTIO },
  ];
  await app.dropFiles(files, 'paste-04-drop-overlay');
  await expect(toastText(page)).toHaveText(`Replaced the design with ${objectsIn(REVIEW)} objects from gateway-api.yaml and istio.yaml`);
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);
  await expect(page.locator('.rd-file-name')).toHaveText('imported.yaml');
  await expect(app.editorLine('# Source: gateway-api.yaml')).toBeAttached();
  await expectReviewDrawn(app);

  // A JSON file is a manifest too; Append instead keeps the dropped pair.
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ledger', namespace: 'payments' }, spec: { ports: [{ port: 80 }] } });
  await app.dropFiles([{ name: 'ledger.json', text: json }]);
  await expect(toastText(page)).toHaveText('Replaced the design with 1 object from ledger.json');
  await expect(app.node('HTTPRoute', 'shop', 'orders')).toHaveCount(0);
  await app.screenshot('paste-05-dropped-toast');
  await expectAccessible(page, 'paste-import: paste-05-dropped-toast');
  await page.getByTestId('import-toast-append').click();
  await expect(app.node('Service', 'payments', 'ledger')).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'orders')).toBeVisible();
  await expect(page.locator('.rd-file-name')).toHaveText('imported.yaml');

  // Left alone, the toast goes after a while; the design stays.
  await app.dropFiles([{ name: 'ledger.json', text: json }]);
  await expect(page.getByTestId('import-toast')).toBeVisible();
  await page.mouse.move(5, 995);
  await expect(page.getByTestId('import-toast')).toHaveCount(0, { timeout: 15_000 });
  await expect(app.node('Service', 'payments', 'ledger')).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'orders')).toHaveCount(0);
  app.checkClean();
});

test('the Import button still asks: replace or append; review mode asks too; a paste in the YAML editor is text', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  const dialog = page.getByTestId('import-dialog');

  // Append through the dialog's textarea.
  await page.getByTestId('io-import').click();
  await expect(dialog).toBeVisible();
  await page.getByTestId('import-text').fill(EXTRA_SERVICE);
  await page.getByTestId('import-mode-append').check();
  await app.screenshot('paste-06-import-dialog');
  await expectAccessible(page, 'paste-import: paste-06-import-dialog');
  await page.getByTestId('import-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('import-toast')).toHaveCount(0);
  await expect(app.node('Service', 'payments', 'audit')).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();

  // Replace (the default); an import is one step: undo brings the whole design back.
  await page.getByTestId('io-import').click();
  await page.getByTestId('import-text').fill(EXTRA_SERVICE);
  await page.getByTestId('import-submit').click();
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
  await expect(app.node('Service', 'payments', 'audit')).toBeVisible();

  // Review mode: a paste does not replace the design under review without asking.
  await page.getByTestId('toggle-review').click();
  await app.paste(REVIEW);
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('import-text')).toHaveValue(REVIEW);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
  await page.getByTestId('toggle-review').click();

  // In the YAML editor a paste is text editing: no toast, no dialog.
  await page.evaluate((t) => navigator.clipboard.writeText(t), '# pasted comment\n');
  await app.editorLine('kind: Gateway').first().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('ControlOrMeta+V');
  await expect(app.editorLine('# pasted comment')).toBeAttached();
  await expect(page.getByTestId('import-toast')).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
  app.checkClean();
});

test('a big paste: the toast stands above the note of namespaces collapsed; Undo brings the example back without it', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await settled(page);
  const before = await nodePlaces(page);
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, generatePeerDesign(1000).text);
  await expect(toastText(page)).toHaveText('Replaced the design with 1,003 objects from the clipboard');
  const note = page.getByTestId('auto-collapse-hint');
  await expect(note).toBeVisible();
  // Both readable: the toast clear of the note under it.
  await expect
    .poll(async () => {
      const [t, n] = await Promise.all([page.getByTestId('import-toast').boundingBox(), note.boundingBox()]);
      return t !== null && n !== null && t.y + t.height <= n.y;
    })
    .toBe(true);
  await app.screenshot('paste-07-big-paste');
  await expectAccessible(page, 'paste-import: paste-07-big-paste');
  await page.getByTestId('import-toast-undo').click();
  await expect(note).toHaveCount(0);
  await expect(app.node('Gateway', 'infra', 'edge')).toBeVisible();
  await settled(page);
  expect(await nodePlaces(page)).toEqual(before);
  app.checkClean();
});
