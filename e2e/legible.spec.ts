import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES } from '../src/ui/examples/catalog';
import { WatchedPage } from './watched-page';

/**
 * A canvas that reads at a glance (issue 11, scope 1): on a 1600×1000 window with the default
 * panes, after the app's own Fit view, every node title is at least 11 px on screen, the minimap
 * covers no node, no card subtitle is clipped, and hiding the YAML pane refits (the view grows).
 * Measured on the embedded example, every curated example and a Bookinfo-sized design pasted in.
 */

const MIN_TITLE_PX = 11;
const BOOKSTORE = readFileSync(new URL('./fixtures/legible/bookstore.yaml', import.meta.url), 'utf8');

test.use({ viewport: { width: 1600, height: 1000 } });

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What the canvas shows after Fit, measured in the page. */
interface Reading {
  readonly zoom: number;
  /** Every node title's on-screen font size (computed font-size × the viewport's scale). */
  readonly titles: readonly { readonly name: string; readonly px: number }[];
  readonly nodes: readonly (Rect & { readonly id: string })[];
  readonly overlays: readonly (Rect & { readonly what: string })[];
  readonly pane: Rect;
  /** Subtitles whose text does not fit their box, or whose box passes the header's bottom edge. */
  readonly clippedSubtitles: readonly string[];
  /** Row labels cut with an ellipsis although the row has room to the right of them. */
  readonly cutWithRoom: readonly string[];
}

class Canvas extends WatchedPage {
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Route Designer' })).toBeVisible();
    await expect(this.page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
    await this.settled();
    await this.page.waitForTimeout(100); // the first fit is made on the next frame
  }

  async settled(): Promise<void> {
    await expect(this.page.locator('.react-flow[data-layout="settled"]')).toBeVisible({ timeout: 30_000 });
    await expect(this.page.getByLabel('Checking')).toHaveCount(0);
  }

  async newDesign(): Promise<void> {
    await this.page.getByTestId('io-new').click();
    const confirm = this.page.getByTestId('confirm-new-ok');
    if (await confirm.isVisible()) await confirm.click();
    await expect(this.page.getByTestId('empty-state')).toBeVisible();
  }

  async openExample(file: string): Promise<void> {
    await this.newDesign();
    await this.page.getByTestId(`example-${file.replace(/\.yaml$/, '')}`).click();
    await expect(this.page.getByTestId('empty-state')).toHaveCount(0);
    await this.settled();
  }

  /** Pastes a manifest onto the empty canvas, as Ctrl+V does. */
  async paste(text: string): Promise<void> {
    await this.newDesign();
    await this.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect(this.page.getByTestId('empty-state')).toHaveCount(0);
    await this.settled();
  }

  /** The toolbar's Fit view, then the view once its animation has ended. */
  async fit(): Promise<Reading> {
    await this.page.getByTestId('fit-view').click();
    await this.page.waitForTimeout(450);
    return this.read();
  }

  async read(): Promise<Reading> {
    return this.page.evaluate(() => {
      const rect = (el: Element): { x: number; y: number; width: number; height: number } => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const viewport = document.querySelector('.react-flow__viewport');
      const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : NaN;
      const titles = [...document.querySelectorAll('.react-flow__node .rd-card-name, .react-flow__node .rd-small-name, .react-flow__node .rd-pill-name')].map((el) => ({
        name: el.textContent ?? '',
        px: parseFloat(getComputedStyle(el).fontSize) * zoom,
      }));
      const nodes = [...document.querySelectorAll('.react-flow__node:not(.react-flow__node-namespace)')].map((el) => ({ id: el.getAttribute('data-id') ?? '', ...rect(el) }));
      const overlays = [
        ...[...document.querySelectorAll('[data-testid="minimap"]')].map((el) => ({ what: 'minimap', ...rect(el) })),
        ...[...document.querySelectorAll('.react-flow__controls')].map((el) => ({ what: 'controls', ...rect(el) })),
        ...[...document.querySelectorAll('[data-testid="canvas-viewbar"]')].map((el) => ({ what: 'view bar', ...rect(el) })),
      ];
      const clippedSubtitles = [...document.querySelectorAll('.rd-card-subtitle')].flatMap((el) => {
        const header = el.closest('.rd-card-header');
        const s = el.getBoundingClientRect();
        const h = header?.getBoundingClientRect();
        const past = h ? s.bottom > h.bottom - (header?.clientTop ?? 0) - parseFloat(getComputedStyle(header as Element).borderBottomWidth) + 0.5 : false;
        return el.scrollHeight > el.clientHeight || past ? [el.textContent ?? ''] : [];
      });
      const cutWithRoom = [...document.querySelectorAll('.rd-row-label')].flatMap((el) => {
        const label = el as HTMLElement;
        if (label.scrollWidth <= label.clientWidth) return [];
        const row = label.parentElement as HTMLElement;
        let used = 0;
        for (const child of row.children) used += (child as HTMLElement).offsetWidth;
        const style = getComputedStyle(row);
        const room = row.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - used;
        return room > 8 ? [label.textContent ?? ''] : [];
      });
      const paneEl = document.querySelector('.react-flow');
      return { zoom, titles, nodes, overlays, pane: paneEl ? rect(paneEl) : { x: 0, y: 0, width: 0, height: 0 }, clippedSubtitles, cutWithRoom };
    });
  }

  async screenshot(name: string): Promise<void> {
    await this.page.waitForTimeout(300); // colour transitions end
    await this.page.screenshot({ path: `e2e/screenshots/legible-${name}.png` });
  }

  /** Light, then dark (the toolbar's toggle), then back to light. */
  async screenshotBoth(name: string): Promise<void> {
    await this.screenshot(`${name}-light`);
    await this.page.getByTestId('toggle-theme').click();
    await this.screenshot(`${name}-dark`);
    await this.page.getByTestId('toggle-theme').click();
  }
}

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The figures a design is reported with, and the checks every design must pass. */
function check(name: string, r: Reading): void {
  const smallest = Math.min(...r.titles.map((t) => t.px));
  console.log(`${name}: zoom ${r.zoom.toFixed(3)}, ${r.titles.length} titles, smallest ${smallest.toFixed(2)} px, pane ${Math.round(r.pane.width)}×${Math.round(r.pane.height)}`);
  expect(r.titles.length, `${name}: titles drawn`).toBeGreaterThan(0);
  const small = r.titles.filter((t) => t.px < MIN_TITLE_PX).map((t) => `${t.name} ${t.px.toFixed(1)} px`);
  expect.soft(small, `${name}: titles under ${MIN_TITLE_PX} px on screen`).toEqual([]);
  const covered = r.overlays.flatMap((o) => r.nodes.filter((n) => overlaps(o, n)).map((n) => `${o.what} over ${n.id}`));
  expect.soft(covered, `${name}: overlays over nodes`).toEqual([]);
  const outside = r.nodes.filter((n) => n.x < r.pane.x - 0.5 || n.x + n.width > r.pane.x + r.pane.width + 0.5 || n.y < r.pane.y - 0.5 || n.y + n.height > r.pane.y + r.pane.height + 0.5).map((n) => n.id);
  expect.soft(outside, `${name}: nodes out of view`).toEqual([]);
  expect.soft(r.clippedSubtitles, `${name}: clipped subtitles`).toEqual([]);
  expect.soft(r.cutWithRoom, `${name}: row labels cut although there is room`).toEqual([]);
}

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    return viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : NaN;
  });
}

test('the embedded example at Fit: legible titles, minimap clear, hiding the YAML pane refits', async ({ page }) => {
  const app = new Canvas(page);
  await app.open();
  const opened = await app.read();
  check('shop (as opened)', opened);
  const fitted = await app.fit();
  check('shop', fitted);
  // The HTTPS listener says its whole hostname: its badges give way first (bug 6).
  const https = page.getByTestId('node-Gateway-infra-edge').getByTestId('node-row').filter({ hasText: 'https :443' }).locator('.rd-row-label');
  await expect(https).toHaveText(/\*\.shop\.example\.com/);
  expect(await https.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the listener hostname is whole').toBe(true);
  await app.screenshotBoth('shop');

  // Hiding the YAML pane gives the canvas its width, and the view grows into it — without Fit.
  await page.getByTestId('toggle-editor').click();
  await expect.poll(() => zoomOf(page), { message: 'the view refits when the YAML pane hides' }).toBeGreaterThan(fitted.zoom * 1.05);
  await page.waitForTimeout(450);
  const wide = await app.read();
  check('shop, YAML hidden', wide);
  await app.screenshot('shop-yaml-hidden-light');
  // Showing it again refits back.
  await page.getByTestId('toggle-editor').click();
  await expect.poll(() => zoomOf(page), { message: 'the view refits when the YAML pane shows' }).toBeLessThan(wide.zoom * 0.97);
  await page.waitForTimeout(450);
  const back = await zoomOf(page);
  expect(back).toBeCloseTo(fitted.zoom, 2);

  // The palette opens from its rail into a list of names: the canvas narrows and the view follows.
  await page.getByTestId('palette-toggle').click();
  await expect(page.getByTestId('palette-Service')).toHaveText('Service');
  await expect.poll(() => zoomOf(page), { message: 'the view refits when the palette opens' }).toBeLessThan(back * 0.98);
  await app.screenshot('shop-palette-open-light');
  await page.getByTestId('palette-toggle').click();
  await expect.poll(() => zoomOf(page), { message: 'the view refits when the palette folds' }).toBeCloseTo(back, 2);
  expect(app.consoleErrors).toEqual([]);
});

test('the palette rail is keyboard operable: arrows move between kinds, Enter adds one', async ({ page }) => {
  const app = new Canvas(page);
  await app.open();
  await app.newDesign();
  const service = page.getByTestId('palette-Service');
  // On the rail a kind shows its mark, and is named in full for a screen reader and in its tooltip.
  await expect(service).toHaveAccessibleName('Service');
  await expect(service).toHaveAttribute('title', /^Service: /);
  await page.getByTestId('palette-Gateway').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('palette-HTTPRoute')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('palette-Secret')).toBeFocused();
  await service.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node[data-id^="core/Service/"]')).toHaveCount(1);
  expect(app.consoleErrors).toEqual([]);
});

test('every curated example at Fit: legible titles, minimap clear, subtitles whole', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Canvas(page);
  await app.open();
  for (const example of EXAMPLES) {
    await app.openExample(example.file);
    const name = example.file.replace(/\.yaml$/, '');
    check(name, await app.fit());
    await app.screenshot(`${name}-light`);
  }
  expect(app.consoleErrors).toEqual([]);
});

test('a Bookinfo-sized design, pasted, at Fit: legible titles, minimap clear', async ({ page }) => {
  const app = new Canvas(page);
  await app.open();
  await app.paste(BOOKSTORE);
  await expect(page.getByTestId('node-Service-bookstore-reviews')).toBeVisible();
  check('bookstore', await app.fit());
  await app.screenshotBoth('bookstore');
  // Workload pills hang under their Services: their names are whole.
  const cutPills = await page.locator('.rd-pill-name').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
  expect(cutPills).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});

test('the other Bookinfo-like designs at Fit: legible titles', async ({ page }) => {
  const app = new Canvas(page);
  await app.open();
  for (const [name, file, probe] of [
    ['bookinfo-like', './fixtures/shown/bookinfo-like.yaml', 'node-Service-books-reviews'],
    ['bookinfo-istio', './fixtures/layout/bookinfo-istio.yaml', 'node-Service-bookinfo-reviews'],
  ] as const) {
    await app.paste(readFileSync(new URL(file, import.meta.url), 'utf8'));
    await expect(page.getByTestId(probe)).toBeVisible();
    check(name, await app.fit());
  }
  expect(app.consoleErrors).toEqual([]);
});
