import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { generateDesign } from '../src/bench/generate';
import { Designer } from './designer-kit';
import { expectAccessible } from './axe';

/**
 * A big design zoomed far out is drawn by the overview (one canvas, src/ui/canvas/Overview.tsx):
 * everything is on screen, a click on a node selects it, a drag moves it, zooming in brings the
 * DOM nodes back (where the moved node now is), the minimap moves the view, and the diagram
 * export draws the whole design.
 */

/** The node under a point of the page, as the overview says (`data-hover`). */
async function nodeUnder(page: Page, x: number, y: number): Promise<string> {
  await page.mouse.move(x, y);
  return (await page.getByTestId('overview').getAttribute('data-hover')) ?? '';
}

test('overview: a big design zoomed far out — all of it drawn; click selects, drag moves, zooming in brings the nodes back', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Designer(page);
  const design = generateDesign(250); // 752 objects (350 KB): laid out on the grid
  await app.open();
  await app.newDesign();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, design.text);
  await expect(page.locator('.react-flow__node-card').first()).toBeVisible({ timeout: 30_000 });
  // It opened as structure (its namespaces collapsed, src/store/auto-collapse.ts): drawn whole, it is the overview's.
  await expect(page.locator('.react-flow__node-collapsed')).not.toHaveCount(0);
  await page.getByTestId('auto-collapse-expand-all').click();
  await expect(page.locator('.react-flow__node-collapsed')).toHaveCount(0);
  // The editor took the whole text (it goes in by pieces), and is editable again.
  const lastLine = design.text.trimEnd().split('\n').pop() ?? '';
  await app.editor.locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await expect(app.editor.locator('.view-lines')).toContainText(lastLine.trim());
  await page.keyboard.type('\n#reviewed');
  await expect(app.editor.locator('.view-lines')).toContainText('#reviewed');
  await expect(page.locator('.rd-status')).toContainText('752 resources');
  await app.toggleEditor();

  // Zoomed all the way out: the overview draws the nodes, React Flow none.
  await page.getByTestId('fit-view').click();
  const overview = page.getByTestId('overview');
  await expect(overview).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect.poll(async () => Number(await overview.getAttribute('data-drawn'))).toBeGreaterThan(700);
  await app.screenshot('overview-01-far');
  await expectAccessible(page, 'overview: overview-01-far');

  // A route near the middle of the canvas.
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no canvas');
  let at: { x: number; y: number; id: string } | null = null;
  for (let r = 0; r < 200 && !at; r += 3) {
    for (let k = 0; k < 16 && !at; k++) {
      const x = pane.x + pane.width / 2 + r * Math.cos((k * Math.PI) / 8);
      const y = pane.y + pane.height / 2 + r * Math.sin((k * Math.PI) / 8);
      const id = await nodeUnder(page, x, y);
      if (id.includes('/HTTPRoute/')) at = { x, y, id };
    }
  }
  if (!at) throw new Error('no route under the pointer');
  const name = at.id.split('/').pop() ?? '';

  // A click selects it: the inspector shows it.
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('inspector-name')).toHaveValue(name);

  // A drag moves it: it is under the pointer where the drag ended, not where it began; the view stays.
  const viewport = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 90, at.y + 70, { steps: 10 });
  await page.mouse.up();
  expect(await nodeUnder(page, at.x + 90, at.y + 70)).toBe(at.id);
  expect(await nodeUnder(page, at.x, at.y)).not.toBe(at.id);
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(viewport);
  await expect(page.getByTestId('inspector-name')).toHaveValue(name);
  await app.screenshot('overview-02-moved');
  await expectAccessible(page, 'overview: overview-02-moved');

  // A press on empty canvas still pans (React Flow's, not the overview's).
  const empty = { x: pane.x + 8, y: pane.y + pane.height - 8 };
  expect(await nodeUnder(page, empty.x, empty.y)).toBe('');
  await page.mouse.down();
  await page.mouse.move(empty.x + 60, empty.y - 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(viewport);

  // The minimap moves the view: a press on it centres the view there.
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  const map = await page.getByTestId('minimap').boundingBox();
  if (!map) throw new Error('no minimap');
  await page.mouse.click(map.x + map.width * 0.8, map.y + map.height * 0.8);
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(before);

  // The diagram export draws all of it, not only what the canvas has in view.
  await page.getByTestId('io-export').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  const download = async (testId: string): Promise<Buffer> => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    return readFileSync(await file.path());
  };
  const svg = (await download('export-svg')).toString('utf8');
  expect(svg).toMatch(/^<svg[^>]*xmlns/);
  expect(svg.split('class="node"').length - 1).toBe(752);
  for (const n of ['route-0', 'route-249', 'svc-249-canary', 'gw-0']) expect(svg).toContain(`>${n}<`);
  const png = await download('export-png');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.length).toBeGreaterThan(100_000);
  writeFileSync('e2e/screenshots/overview-04-diagram.png', png); // to look at, beside the screenshots
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();

  // Zooming in (Find brings the node into view, readable): DOM nodes again, the moved one where it was put.
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector-name')).toHaveValue(name);
  const [, , ns] = at.id.split('/');
  const node = app.node('HTTPRoute', ns ?? '', name);
  await expect(node).toBeVisible();
  await expect(overview).toHaveCount(0);
  await app.screenshot('overview-03-zoomed-in');
  await expectAccessible(page, 'overview: overview-03-zoomed-in');
  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
