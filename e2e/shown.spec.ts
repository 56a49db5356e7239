import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { Designer } from './designer-kit';

/**
 * Issue 11, "what the canvas shows": objects the design does not model stay out of the way —
 * workloads as pills under the Service (linked from the subset) whose selector picks them, the rest behind
 * an "n other objects" chip — and a filter hides namespaces and kinds from the drawing.
 */
const BOOKINFO = readFileSync(new URL('./fixtures/shown/bookinfo-like.yaml', import.meta.url), 'utf8');

test.use({ viewport: { width: 1600, height: 1000 } });

/** A paste on the canvas (outside any text field), as Ctrl+V delivers it. */
async function paste(page: Page, text: string): Promise<void> {
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 400 } });
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.react-flow[data-layout="settled"]')).toBeAttached();
}

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

test('shown: Bookinfo-like design — workload pills under their Services, other objects behind a chip, filter and reset', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await paste(page, BOOKINFO);
  await expect(app.node('Service', 'books', 'reviews')).toBeVisible();
  await settled(page);

  // No card for a Deployment or a ServiceAccount: Deployments are pills, the rest is aside.
  await expect(page.locator('.rd-small:not(.rd-pill)[data-testid^="node-Deployment-"]')).toHaveCount(0);
  await expect(page.locator('[data-testid^="node-ServiceAccount-"]')).toHaveCount(0);
  await expect(page.locator('[data-testid^="node-ConfigMap-"]')).toHaveCount(0);
  await expect(page.locator('.rd-pill')).toHaveCount(6);

  // The pills of reviews hang under the reviews Service (indented, right sides aligned), in subset
  // order, each linked from its subset row.
  const reviews = await box(app.node('Service', 'books', 'reviews'));
  const pills = await Promise.all(['v1', 'v2', 'v3'].map((v) => box(app.node('Deployment', 'books', `reviews-${v}`))));
  for (const p of pills) {
    expect(p.y).toBeGreaterThan(reviews.y + reviews.height);
    expect(p.y - (reviews.y + reviews.height)).toBeLessThan(150);
    expect(p.x).toBeGreaterThan(reviews.x);
    expect(Math.abs(p.x + p.width - (reviews.x + reviews.width))).toBeLessThan(3);
  }
  expect(pills[0]?.y).toBeLessThan(pills[1]?.y ?? 0);
  expect(pills[1]?.y).toBeLessThan(pills[2]?.y ?? 0);
  await expect(page.locator('.react-flow__edge[data-id="ref:core/Service/books/reviews|core/Service/books/reviews#subset:v2->apps/Deployment/books/reviews-v2"]')).toBeAttached();
  await app.screenshot('shown-01-pills-light');
  // Up close: the reviews Service with its subset rows and their pills.
  const last = pills[2] ?? reviews;
  await page.screenshot({ path: 'e2e/screenshots/shown-07-reviews-close.png', clip: { x: reviews.x - 10, y: reviews.y - 10, width: reviews.width + 60, height: last.y + last.height - reviews.y + 20 } });
  await expectAccessible(page, 'shown: pills, light');

  // The chip counts what is aside and lists it; picking one shows it in the inspector and YAML.
  const chip = page.getByTestId('other-objects');
  await expect(chip).toHaveText('5 other objects');
  await chip.click();
  const list = page.getByTestId('other-objects-list');
  await expect(list).toBeVisible();
  await expect(list.locator('.rd-aside-item')).toHaveCount(5);
  await list.getByTestId('aside-ServiceAccount-books-books-reviews').click();
  await expect(page.getByTestId('inspector-name')).toHaveValue('books-reviews');
  await expect(app.editorLine('name: books-reviews')).toBeAttached();
  await app.screenshot('shown-02-other-objects');
  await expectAccessible(page, 'shown: other objects listed');
  // Escape closes the list and gives the focus back to the chip.
  await list.locator('.rd-aside-item').first().focus();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(chip).toBeFocused();
  // "Draw them" puts them back on the canvas, and unchecking takes them away again.
  await page.keyboard.press('Enter');
  await page.getByTestId('show-aside').check();
  await expect(page.locator('[data-testid^="node-ServiceAccount-books-"]')).toHaveCount(4);
  await expect(app.node('ConfigMap', 'books', 'reviews-settings')).toBeVisible();
  await page.getByTestId('show-aside').uncheck();
  await expect(page.locator('[data-testid^="node-ServiceAccount-books-"]')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Filter, from the keyboard: a namespace and a kind.
  await page.getByTestId('canvas-filter').focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('filter-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: /ingress/ })).toBeChecked();
  await page.getByTestId('filter-ns-ingress').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('filter-kind-other:Deployment').uncheck();
  await expect(app.node('Gateway', 'ingress', 'shop-ingress')).toHaveCount(0);
  await expect(page.getByTestId('group-ingress')).toHaveCount(0);
  await expect(page.locator('.rd-pill')).toHaveCount(0);
  await expect(page.getByTestId('filter-indicator')).toContainText('filtered: 7 hidden');
  await expect(app.node('Service', 'books', 'reviews')).toBeVisible();
  await settled(page);
  await app.screenshot('shown-03-filtered');
  await expectAccessible(page, 'shown: filtered');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // The document is untouched: it still holds all 22 objects.
  await expect(page.locator('.react-flow')).toHaveAttribute('data-objects', '22');

  // One click resets.
  await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('filter-indicator')).toHaveCount(0);
  await expect(app.node('Gateway', 'ingress', 'shop-ingress')).toBeVisible();
  await expect(page.locator('.rd-pill')).toHaveCount(6);
  await settled(page);

  // Dark.
  await page.getByTestId('toggle-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.screenshot('shown-04-pills-dark');
  await expectAccessible(page, 'shown: pills, dark');
  await page.getByTestId('other-objects').click();
  await app.screenshot('shown-05-other-objects-dark');
  await expectAccessible(page, 'shown: other objects, dark');
  await page.keyboard.press('Escape');
  await page.getByTestId('canvas-filter').click();
  await page.getByTestId('filter-kind-core:Service').uncheck();
  await app.screenshot('shown-06-filter-dark');
  await expectAccessible(page, 'shown: filter, dark');
  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
