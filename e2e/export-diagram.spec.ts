import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { generateDesign } from '../src/bench/generate';
import { WatchedPage } from './watched-page';

/**
 * The diagram as an image (issue 11, bug 1): the embedded example exported as SVG and PNG through
 * the Export dialog, light and dark, after a simulation has lit a path and dimmed the rest. The
 * SVG is made of plain shapes (no foreignObject), small, with every edge stroked, every node named
 * in <text>, nothing dimmed and no control (handle, collapse toggle) drawn; the PNG shows the
 * edges and its background covers it to the corners. The exported images are saved as
 * screenshots to be looked at beside the canvas.
 */

class Exporter extends WatchedPage {
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node('Gateway', 'infra', 'edge')).toBeVisible();
    await expect(this.page.locator('.react-flow[data-layout="settled"]')).toBeVisible();
  }

  node(kind: string, namespace: string, name: string): Locator {
    return this.page.getByTestId(`node-${kind}-${namespace}-${name}`);
  }

  async download(testId: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  /** Replaces the design with `text`, pasted on the canvas as Ctrl+V delivers it. */
  async replaceWith(text: string): Promise<void> {
    await this.page.getByTestId('io-new').click();
    const confirm = this.page.getByTestId('confirm-new-ok');
    await expect(confirm.or(this.page.getByTestId('empty-state'))).toBeVisible();
    if (await confirm.isVisible()) await confirm.click();
    await expect(this.page.getByTestId('empty-state')).toBeVisible();
    await this.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect(this.page.locator('.react-flow__node-card').first()).toBeVisible({ timeout: 30_000 });
    await expect(this.page.locator('.react-flow[data-layout="settled"]')).toBeVisible({ timeout: 30_000 });
  }

  checkClean(): void {
    expect(this.foreignRequests).toEqual([]);
    expect(this.consoleErrors).toEqual([]);
  }
}

/** The attribute values of every `<tag …>` in `svg` as records (a plain reading: the file is ours). */
function elements(svg: string, tag: string): Array<Record<string, string>> {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1] as string, a[2] as string])));
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

for (const theme of ['light', 'dark'] as const) {
  test(`the diagram exports as drawn, without the simulation or controls (${theme})`, async ({ page, browser }) => {
    const app = new Exporter(page);
    await app.open();
    if (theme === 'dark') await page.getByTestId('toggle-theme').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    // What the canvas draws (the design, before any simulation), to find in the file.
    await page.getByTestId('fit-view').click();
    await page.waitForTimeout(400);
    await page.locator('.rd-canvas-pane').screenshot({ path: `e2e/screenshots/export-canvas-${theme}.png` });
    const names = (await page.locator('.react-flow__node .rd-card-name, .react-flow__node .rd-small-name').allTextContents()).map((t) => t.trim());
    expect(names.length).toBeGreaterThanOrEqual(10);
    const edgeCount = await page.locator('.react-flow__edges path.react-flow__edge-path').count();
    const labels = (await page.getByTestId('edge-label').allTextContents()).map((t) => t.trim());
    expect(labels.length).toBeGreaterThanOrEqual(5);

    // A simulated request lights its path and dims the rest of the canvas.
    await page.getByTestId('tab-simulator').click();
    await page.getByTestId('sim-send').click();
    await expect(page.locator('.react-flow__node .rd-node.is-lit').first()).toBeVisible();
    await expect(page.locator('.react-flow__node .rd-node.is-dim').first()).toBeVisible();
    const colours = await page.evaluate(() => {
      const css = getComputedStyle(document.documentElement);
      return { sim: css.getPropertyValue('--rd-sim').trim().toLowerCase(), background: getComputedStyle(document.querySelector('.rd-canvas-pane .react-flow') as Element).backgroundColor };
    });

    await page.getByTestId('io-export').click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    const svgFile = await app.download('export-svg');
    const pngFile = await app.download('export-png');
    expect(svgFile.name).toBe('shop.svg');
    expect(pngFile.name).toBe('shop.png');
    // The simulation is back on the canvas once the images are made.
    await expect(page.locator('.react-flow__node .rd-node.is-dim').first()).toBeAttached();

    const svg = svgFile.bytes.toString('utf8');
    console.log(`export (${theme}): SVG ${svgFile.bytes.length} bytes, PNG ${pngFile.bytes.length} bytes`);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toContain('foreignObject');
    expect(svgFile.bytes.length).toBeLessThanOrEqual(200_000);
    // Well-formed XML, as any SVG reader will take it.
    expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null, svg)).toBeNull();

    // Edges: every one copied, stroked in a colour (not the simulator's), none dimmed.
    const edgeGroups = [...svg.matchAll(/<g class="edge"[^>]*>(.*?)<\/g>\n/g)].map((m) => m[1] ?? '');
    expect(edgeGroups).toHaveLength(edgeCount);
    for (const group of edgeGroups) {
      const [path] = elements(group, 'path');
      expect(path?.stroke).toMatch(/^#[0-9a-f]{6}$/);
      expect(path?.['stroke-opacity'] ?? '1').toBe('1');
      expect(path?.opacity ?? '1').toBe('1');
      expect(Number(path?.['stroke-width'] ?? '1')).toBeLessThan(2);
    }
    // Every node by name, every edge label, as text.
    const texts = elements(svg, 'text').length;
    expect(texts).toBeGreaterThan(names.length);
    const textContent = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1] ?? ''));
    for (const name of names) expect(textContent).toContain(name);
    for (const label of labels) expect(textContent).toContain(label);
    // Nothing dimmed by the simulation, nothing in its colours.
    expect(svg.toLowerCase()).not.toContain(colours.sim);
    for (const el of [...elements(svg, 'rect'), ...elements(svg, 'path'), ...elements(svg, 'text'), ...elements(svg, 'line')]) {
      expect(Number(el.opacity ?? '1')).toBeGreaterThan(0.5);
    }
    for (const node of svg.matchAll(/<g class="node">(<(?:rect|path)[^>]*>)/g)) {
      const card = elements(node[1] ?? '', '(?:rect|path)')[0] ?? {};
      expect(Number(card['fill-opacity'] ?? '1')).toBeGreaterThan(0.5);
    }
    // No controls: no collapse toggle, no handle dots.
    expect(svg).not.toMatch(/[▾▸]/);
    for (const r of elements(svg, 'rect')) expect(Number(r.width) <= 10 && Number(r.height) <= 10).toBe(false);

    // The PNG: 2× the SVG, its background to every corner, the edges drawn.
    const viewBox = (elements(svg, 'svg')[0]?.viewBox ?? '').split(' ').map(Number);
    const probe = await page.evaluate(
      async ({ png, svgText, viewBox: [vx = 0, vy = 0, vw = 1] }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D;
        ctx.drawImage(image, 0, 0);
        const at = (x: number, y: number): number[] => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data];
        const w = image.width;
        const h = image.height;
        const corners = [at(0, 0), at(w - 1, 0), at(0, h - 1), at(w - 1, h - 1)];
        const scale = w / vw;
        // Along each solid edge: points at tenths of its length, each checked for its stroke colour nearby.
        const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
        const live = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        document.body.append(live);
        const hex = (c: string): number[] => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));
        const edges = [...doc.querySelectorAll('g.edge path')].filter((p) => !p.getAttribute('stroke-dasharray'));
        const found = edges.map((p) => {
          const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
          path.setAttribute('d', p.getAttribute('d') ?? '');
          live.append(path);
          const want = hex(p.getAttribute('stroke') ?? '#000000');
          const length = path.getTotalLength();
          let hits = 0;
          for (let k = 1; k < 10; k++) {
            const pt = path.getPointAtLength((length * k) / 10);
            let hit = false;
            for (let dx = -2; dx <= 2 && !hit; dx++) {
              for (let dy = -2; dy <= 2 && !hit; dy++) {
                const px = at((pt.x - vx) * scale + dx, (pt.y - vy) * scale + dy);
                hit = Math.hypot((px[0] ?? 0) - (want[0] ?? 0), (px[1] ?? 0) - (want[1] ?? 0), (px[2] ?? 0) - (want[2] ?? 0)) < 40;
              }
            }
            if (hit) hits++;
          }
          return { hits, length };
        });
        live.remove();
        return { width: w, height: h, scale, corners, found };
      },
      { png: pngFile.bytes.toString('base64'), svgText: svg, viewBox },
    );
    expect(probe.scale).toBeCloseTo(2, 1);
    const bg = (/\d+/g[Symbol.match](colours.background) ?? []).map(Number).slice(0, 3);
    for (const c of probe.corners) {
      expect(c[3]).toBe(255);
      for (let i = 0; i < 3; i++) expect(Math.abs((c[i] ?? 0) - (bg[i] ?? 0))).toBeLessThanOrEqual(2);
    }
    // The exported images, to look at (written before the checks on them, so a failure can be seen).
    writeFileSync(`e2e/screenshots/export-png-${theme}.png`, pngFile.bytes);
    console.log(`edge points found in the PNG (of 9 each, edge length): ${probe.found.map((f) => `${f.hits} (${Math.round(f.length)})`).join(' ')}`);
    expect(probe.found.length).toBeGreaterThanOrEqual(5);
    // Most of each edge shows (a label or a node's edge may cover a point or two); of a short
    // edge between neighbouring cards its label may cover half.
    for (const { hits, length } of probe.found) expect(hits).toBeGreaterThanOrEqual(length < 200 ? 3 : 5);

    const viewer = await browser.newPage({ viewport: { width: Math.min(1600, Math.ceil(viewBox[2] ?? 800)), height: Math.min(1200, Math.ceil(viewBox[3] ?? 600)) } });
    await viewer.setContent(`<body style="margin:0">${svg}</body>`);
    await viewer.locator('svg').first().screenshot({ path: `e2e/screenshots/export-svg-${theme}.png` });
    await viewer.close();
    app.checkClean();
  });
}

test('a design bigger than the view exports whole, as drawn', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new Exporter(page);
  await app.open();
  await app.replaceWith(generateDesign(30).text);
  // It opens with its namespaces collapsed (more than 80 nodes): every card drawn is asked for.
  await page.getByTestId('auto-collapse-expand-all').click();
  await expect(page.locator('.react-flow[data-layout="settled"]')).toBeVisible();
  // Zoomed in (past the far zoom, where cards show their name only): many cards are off screen,
  // and React Flow still has them all (the design is not big).
  for (let i = 0; i < 12 && (await page.locator('.react-flow__node .is-far').count()) > 0; i++) {
    await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(100);
  }
  await expect(page.locator('.react-flow__node .is-far')).toHaveCount(0);
  await page.waitForTimeout(300);
  const pane = await page.locator('.react-flow').boundingBox();
  const cards = page.locator('.react-flow__node-card');
  const boxes = await cards.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { left: number; top: number; right: number; bottom: number }));
  const outside = boxes.filter((b) => !pane || b.right < pane.x || b.left > pane.x + pane.width || b.bottom < pane.y || b.top > pane.y + pane.height);
  expect(outside.length).toBeGreaterThan(boxes.length / 4);
  const names = (await page.locator('.react-flow__node .rd-card-name, .react-flow__node .rd-small-name').allTextContents()).map((t) => t.trim());

  await page.getByTestId('io-export').click();
  const file = await app.download('export-svg');
  const svg = file.bytes.toString('utf8');
  console.log(`export (${boxes.length} cards, zoomed in): SVG ${file.bytes.length} bytes`);
  expect(svg).not.toContain('foreignObject');
  // Copied from the canvas (not the drawing from the graph, whose nodes are translated groups)…
  expect(svg).not.toContain('<g class="node" transform=');
  // …every card, the ones off screen too.
  expect(svg.match(/<g class="node">/g) ?? []).toHaveLength(await page.locator('.react-flow__node').count() - (await page.locator('.react-flow__node-namespace').count()));
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1] ?? ''));
  for (const name of names) expect(texts).toContain(name);
  app.checkClean();
});

test('a big design, of which the canvas holds only the part in view, exports whole from the graph', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new Exporter(page);
  await app.open();
  await app.replaceWith(generateDesign(250).text); // 752 objects
  await expect(page.locator('.rd-status')).toContainText('752 resources');
  await page.getByTestId('auto-collapse-expand-all').click();
  await expect(page.locator('.react-flow[data-layout="settled"]')).toBeVisible();
  const rendered = await page.locator('.react-flow__node-card').count();

  await page.getByTestId('io-export').click();
  const file = await app.download('export-svg');
  const svg = file.bytes.toString('utf8');
  console.log(`export (752 objects): SVG ${file.bytes.length} bytes`);
  expect(svg).not.toContain('foreignObject');
  const nodes = (svg.match(/<g class="node"/g) ?? []).length;
  expect(nodes).toBeGreaterThan(rendered);
  expect(nodes).toBeGreaterThan(700);
  expect((svg.match(/<path class="edge"[^>]* stroke="[^"n]/g) ?? []).length).toBeGreaterThan(700);
  const png = await app.download('export-png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  writeFileSync('e2e/screenshots/export-big-design.svg', svg);
  app.checkClean();
});
