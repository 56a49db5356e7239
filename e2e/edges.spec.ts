import { expect, test, type Page } from '@playwright/test';
import { generatePeerDesign } from '../src/bench/generate-peer';
import { expectAccessible } from './axe';
import { Designer } from './designer-kit';

/**
 * Every edge drawn, at every zoom and after every zoom change, whichever way a design arrives
 * (issue 15). React Flow measures a node's handles from the page when it first draws it, and
 * again only when the node's size changes: a node drawn first zoomed far out (below FAR_ZOOM,
 * src/ui/canvas/useFar.ts) must already have its handles where they are zoomed in, or its edges
 * are never drawn (100 pasted routes fit at zoom 0.08: 300 edges held, 0 drawn, even at 0.7).
 *
 * Each check counts the edges in the page against the edges React Flow holds (the canvas's
 * `data-edges`) and the design's (`data-edges-all`), and finds, for every connected handle of
 * every node in the page, an edge that ends at it — so it holds also where React Flow draws only
 * what is in view (above 300 nodes), and whatever shape other parts give a design (collapsed
 * namespaces, grouped missing backends). Zoomed far out, a big design is drawn by the overview
 * canvas instead (`data-drawn`).
 */

test.use({ viewport: { width: 1600, height: 1000 } });

/** What one look at the canvas found. */
interface Audit {
  readonly zoom: number;
  /** Edges React Flow holds, and the design's (the overview draws those while React Flow holds none). */
  readonly held: number;
  readonly all: number;
  readonly heldNodes: number;
  readonly pageNodes: number;
  readonly pageEdges: number;
  /** Nodes the overview canvas drew, or null when it is not shown. */
  readonly overview: number | null;
  readonly connected: number;
  /** Connected handles with no edge ending at them (node id / handle id), the first few; how many. */
  readonly unmet: readonly string[];
  readonly unmetCount: number;
}

/** Flow units an edge's end may be from its handle's centre: along the side (React Flow ends it on the handle's outer edge; a routed edge at the node's side) and across it. */
const ALONG = 8;
const ACROSS = 3;

function audit(page: Page): Promise<Audit> {
  return page.evaluate(
    ({ along, across }) => {
      const flow = document.querySelector<HTMLElement>('.react-flow');
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      if (!flow || !viewport) throw new Error('no canvas');
      const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      const origin = viewport.getBoundingClientRect();
      const overviewEl = document.querySelector<HTMLElement>('[data-testid="overview"]');
      // Every drawn edge's two ends, in flow units.
      const ends: { x: number; y: number }[] = [];
      const edgeEls = document.querySelectorAll('.react-flow__edge');
      for (const e of edgeEls) {
        const d = e.querySelector('path.react-flow__edge-path')?.getAttribute('d') ?? '';
        const n = (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
        if (n.length >= 4) ends.push({ x: n[0] as number, y: n[1] as number }, { x: n[n.length - 2] as number, y: n[n.length - 1] as number });
      }
      const nodeEls = document.querySelectorAll<HTMLElement>('.react-flow__node');
      const unmet: string[] = [];
      let connected = 0;
      for (const node of nodeEls) {
        for (const h of node.querySelectorAll<HTMLElement>('.react-flow__handle.is-connected')) {
          connected++;
          const r = h.getBoundingClientRect();
          const x = (r.left + r.width / 2 - origin.left) / zoom;
          const y = (r.top + r.height / 2 - origin.top) / zoom;
          const side = h.dataset.handlepos === 'left' || h.dataset.handlepos === 'right';
          const met = ends.some((p) => (side ? Math.abs(p.x - x) <= along && Math.abs(p.y - y) <= across : Math.abs(p.x - x) <= across && Math.abs(p.y - y) <= along));
          if (!met) unmet.push(`${node.dataset.id ?? '?'} ${h.dataset.handleid ?? '?'}`);
        }
      }
      return {
        zoom,
        held: Number(flow.dataset.edges),
        all: Number(flow.dataset.edgesAll),
        heldNodes: Number(flow.dataset.nodes),
        pageNodes: nodeEls.length,
        pageEdges: edgeEls.length,
        overview: overviewEl ? Number(overviewEl.dataset.drawn) : null,
        connected,
        unmet: unmet.slice(0, 5),
        unmetCount: unmet.length,
      };
    },
    { along: ALONG, across: ACROSS },
  );
}

class EdgesPage extends Designer {
  readonly log: string[] = [];

  readonly canvas = this.page.locator('.react-flow');

  /** Laid out, analysed and drawn (the canvas's `data-layout`), with `objects` objects when given. */
  async settled(objects?: number): Promise<void> {
    const sel = objects === undefined ? '.react-flow[data-layout="settled"]' : `.react-flow[data-layout="settled"][data-objects="${objects}"]`;
    await expect(this.page.locator(sel)).toBeVisible({ timeout: 90_000 });
    await this.frames();
  }

  /** A few frames: a zoom's re-render, React Flow's measuring, the edges that follow. */
  async frames(): Promise<void> {
    await this.page.evaluate(() => new Promise<void>((r) => {
      let n = 0;
      const tick = (): void => void (++n >= 6 ? r() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    }));
  }

  /** Pastes text onto the page, as Ctrl+V outside the editor does; on a design with content, replaces it (the dialog's Replace, or at once with an Undo toast). */
  async paste(text: string, objects: number): Promise<void> {
    await this.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    const submit = this.page.getByTestId('import-submit');
    const done = this.page.locator(`.react-flow[data-objects="${objects}"]`);
    await expect(submit.or(done).first()).toBeVisible({ timeout: 60_000 });
    if (await submit.isVisible()) {
      await this.page.getByTestId('import-mode-replace').check();
      await submit.click();
    }
    await this.settled(objects);
  }

  zoom(): Promise<number> {
    return this.page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      return viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : NaN;
    });
  }

  /** Zooms with the wheel, about `at` (page pixels; the canvas's middle by default), to `target` (±2 %). */
  async zoomTo(target: number, at?: { x: number; y: number }): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    const point = at ?? { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(point.x, point.y);
    for (let i = 0; i < 12; i++) {
      const z = await this.zoom();
      if (Math.abs(z - target) / target < 0.02) break;
      // d3-zoom (React Flow's): a pixel-mode wheel step scales by 2^(-deltaY × 0.002).
      const dy = Math.max(-600, Math.min(600, -Math.log2(target / z) / 0.002));
      await this.page.mouse.wheel(0, dy);
      await this.frames();
    }
    const z = await this.zoom();
    expect(Math.abs(z - target) / target, `zoomed to ${z.toFixed(3)}, wanted ${target}`).toBeLessThan(0.03);
    await this.settled();
  }

  /** The middle of the card nearest the canvas's middle, on screen (the canvas's middle when none is). */
  async middleOfNodes(): Promise<{ x: number; y: number } | undefined> {
    return this.page.evaluate(() => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      if (!pane) return undefined;
      const cx = pane.left + pane.width / 2;
      const cy = pane.top + pane.height / 2;
      let best: { x: number; y: number; d: number } | undefined;
      for (const n of document.querySelectorAll('.react-flow__node-card')) {
        const r = n.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + Math.min(r.height / 2, 40);
        if (x < pane.left + 40 || x > pane.right - 40 || y < pane.top + 40 || y > pane.bottom - 40) continue;
        const d = Math.hypot(x - cx, y - cy);
        if (!best || d < best.d) best = { x, y, d };
      }
      return best ? { x: best.x, y: best.y } : undefined;
    });
  }

  /** Looks at the canvas and checks that every edge is drawn; `label` names the look. */
  async expectEveryEdge(label: string): Promise<Audit> {
    await this.frames();
    const a = await audit(this.page);
    this.log.push(`${label}: zoom ${a.zoom.toFixed(3)}, edges ${a.pageEdges} in page / ${a.held} held / ${a.all} in the design, nodes ${a.pageNodes} / ${a.heldNodes}, ${a.connected} connected handles${a.overview !== null ? `, overview drew ${a.overview} nodes` : ''}`);
    expect(a.all, `${label}: the design has edges`).toBeGreaterThan(0);
    if (a.overview !== null) {
      // The overview draws the whole design on its canvas; React Flow holds nothing meanwhile.
      expect(a.overview, `${label}: the overview draws the nodes`).toBeGreaterThan(0);
      expect(a.pageNodes, `${label}: no DOM nodes under the overview`).toBe(0);
      return a;
    }
    expect(a.held, `${label}: React Flow holds every edge of the design`).toBe(a.all);
    expect(a.connected, `${label}: nodes with edges are in the page`).toBeGreaterThan(0);
    expect(a.unmet, `${label}: ${a.unmetCount} connected handles with no edge drawn to them`).toEqual([]);
    // Every node in the page: every edge is.
    if (a.pageNodes === a.heldNodes) expect(a.pageEdges, `${label}: every edge React Flow holds is in the page`).toBe(a.held);
    return a;
  }

  /** At the view it arrived at, zoomed to 0.5, out past FAR_ZOOM, back in, at 100 %. */
  async zoomChecks(name: string): Promise<void> {
    const fit = await this.expectEveryEdge(`${name}: arrived`);
    await this.zoomTo(0.5, await this.middleOfNodes());
    await this.expectEveryEdge(`${name}: zoomed ${fit.zoom < 0.5 ? 'in' : 'out'} to 0.5`);
    await this.zoomTo(0.15);
    await this.expectEveryEdge(`${name}: zoomed out past FAR_ZOOM`);
    await this.zoomTo(0.5, await this.middleOfNodes());
    await this.expectEveryEdge(`${name}: back in to 0.5`);
    await this.zoomTo(1, await this.middleOfNodes());
    await this.expectEveryEdge(`${name}: at 100 %`);
  }

  /** Opens a collapsed namespace: its expand button when drawn and in view, else a double-click on it (far out, the button is not drawn). Whether there was one. */
  async expandOne(): Promise<boolean> {
    const collapsed = this.page.locator('.react-flow__node [data-testid^="collapsed-"]');
    if ((await collapsed.count()) === 0) return false;
    const node = collapsed.first();
    const button = node.locator('[data-testid^="expand-"]');
    const pane = await this.canvas.boundingBox();
    const box = (await button.count()) > 0 ? await button.boundingBox() : null;
    const inView = pane && box && box.x > pane.x && box.y > pane.y && box.x + box.width < pane.x + pane.width && box.y + box.height < pane.y + pane.height;
    if (inView) await button.click();
    else await node.dispatchEvent('dblclick');
    await this.settled();
    return true;
  }

  /** The journey: the design as it opened, then (when it opened with namespaces collapsed) with one opened, then with all. */
  async zoomJourney(name: string): Promise<void> {
    await this.zoomChecks(name);
    await this.screenshot(`edges-${name}-01-at-100`);
    await this.page.getByTestId('fit-view').click();
    await this.settled();
    await this.screenshot(`edges-${name}-02-fit`);
    await expectAccessible(this.page, `edges: ${name}, Fit`);
    if (!(await this.expandOne())) return;
    await this.expectEveryEdge(`${name}: a namespace expanded`);
    await this.zoomTo(0.15);
    await this.expectEveryEdge(`${name}: a namespace expanded, zoomed out`);
    let opened = 1;
    while (opened < 20 && (await this.expandOne())) opened++;
    await this.page.getByTestId('fit-view').click();
    await this.settled();
    await this.zoomChecks(`${name}, ${opened} namespaces expanded`);
    await this.page.getByTestId('fit-view').click();
    await this.settled();
    await this.expectEveryEdge(`${name}, ${opened} namespaces expanded: Fit`);
    await this.screenshot(`edges-${name}-03-expanded-fit`);
  }

  async theme(theme: 'light' | 'dark'): Promise<void> {
    if ((await this.page.locator('html').getAttribute('data-theme')) !== theme) await this.page.getByTestId('toggle-theme').click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }

  done(): void {
    console.log(this.log.join('\n'));
    expect(this.consoleErrors).toEqual([]);
    expect(this.foreignRequests).toEqual([]);
  }
}

async function blankPage(page: Page): Promise<EdgesPage> {
  const app = new EdgesPage(page);
  await app.open();
  await app.settled();
  await app.newDesign();
  return app;
}

for (const routes of [100, 300, 1000]) {
  test(`paste ${routes} routes onto a blank design: every edge at Fit, zoomed out, back in, at 100 %`, async ({ page }) => {
    test.setTimeout(240_000);
    const app = await blankPage(page);
    await app.paste(generatePeerDesign(routes).text, routes + 3);
    await app.zoomJourney(`paste-${routes}`);
    app.done();
  });
}

test('the near and far forms of every node put every handle at the same place', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await blankPage(page);
  // Rows with a second line (a missing backend: split rows), plain rows, listener rows.
  await app.paste(generatePeerDesign(40).text, 43);
  /** Each handle's centre relative to its node, in flow units, by node and handle id. */
  const handles = (): Promise<Record<string, [number, number]>> =>
    page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      const zoom = viewport ? new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a : NaN;
      const out: Record<string, [number, number]> = {};
      for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
        const n = node.getBoundingClientRect();
        for (const h of node.querySelectorAll<HTMLElement>('.react-flow__handle')) {
          const r = h.getBoundingClientRect();
          out[`${node.dataset.id ?? ''} ${h.dataset.handleid ?? ''}`] = [(r.left + r.width / 2 - n.left) / zoom, (r.top + r.height / 2 - n.top) / zoom];
        }
      }
      return out;
    });
  await app.zoomTo(1, await app.middleOfNodes());
  await expect(page.locator('.rd-node.is-far')).toHaveCount(0);
  const near = await handles();
  await app.zoomTo(0.2);
  await expect(page.locator('.rd-node:not(.is-far)')).toHaveCount(0);
  const far = await handles();
  const nearIds = Object.keys(near);
  expect(nearIds.length).toBeGreaterThan(100);
  // Every handle drawn near is drawn far (and no other), to a hundredth of a flow unit.
  const moved: string[] = [];
  for (const id of nearIds) {
    const a = near[id] as [number, number];
    const b = far[id];
    if (!b || Math.abs(a[0] - b[0]) > 0.01 || Math.abs(a[1] - b[1]) > 0.01) moved.push(`${id}: near ${a.join(',')} far ${b ? b.join(',') : 'absent'}`);
  }
  expect(moved.slice(0, 5), `${moved.length} of ${nearIds.length} handles elsewhere far out`).toEqual([]);
  expect(Object.keys(far).filter((id) => !(id in near))).toEqual([]);
  await app.screenshot('edges-forms-far');
  app.done();
});

test('open a file of 100 routes: every edge at every zoom', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new EdgesPage(page);
  await app.open();
  await app.settled();
  await page.getByTestId('io-open-input').setInputFiles([{ name: 'peer-100.yaml', mimeType: 'application/yaml', buffer: Buffer.from(generatePeerDesign(100).text) }]);
  await app.settled(103);
  await app.zoomJourney('open-100');
  app.done();
});

test('an example picked from the empty state: every edge at every zoom, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await blankPage(page);
  await page.getByTestId('example-istio-subsets').click();
  await expect(page.getByTestId('empty-state')).toBeHidden();
  await app.settled();
  await app.zoomJourney('example');
  await app.theme('dark');
  await page.getByTestId('fit-view').click();
  await app.settled();
  await app.zoomTo(0.15);
  await app.expectEveryEdge('example: dark, zoomed out');
  await app.screenshot('edges-example-dark-far');
  await expectAccessible(page, 'edges: example, dark, zoomed out');
  await app.theme('light');
  app.done();
});

test('a design restored by autosave (reload) at 300 routes: every edge at every zoom', async ({ page }) => {
  test.setTimeout(240_000);
  const app = await blankPage(page);
  const text = generatePeerDesign(300).text;
  await app.paste(text, 303);
  // Saved (IndexedDB, or the localStorage copy): then the reload restores it.
  await expect.poll(() => page.evaluate(() => new Promise<number>((resolve) => {
    const open = indexedDB.open('route-designer');
    open.onerror = () => resolve(0);
    open.onsuccess = () => {
      const req = open.result.transaction('autosave').objectStore('autosave').get('route-designer:autosave');
      req.onsuccess = () => {
        const v: unknown = req.result;
        open.result.close();
        resolve(typeof v === 'object' && v !== null && 'text' in v && typeof v.text === 'string' ? v.text.length : 0);
      };
      req.onerror = () => resolve(0);
    };
  })), { timeout: 30_000, message: 'the design is saved' }).toBe(text.length);
  await page.reload();
  await app.settled(303);
  await app.zoomJourney('reload-300');
  app.done();
});

test('a design brought back by undo (New, then Ctrl+Z): every edge at every zoom', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await blankPage(page);
  await app.paste(generatePeerDesign(100).text, 103);
  await app.newDesign();
  await app.clickPane();
  await page.keyboard.press('Control+z');
  await app.settled(103);
  await app.zoomJourney('undo-100');
  app.done();
});

test('100 routes pasted onto a design with content (dialog or toast): every edge at every zoom, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new EdgesPage(page);
  await app.open();
  await app.settled();
  await app.paste(generatePeerDesign(100).text, 103);
  await app.zoomJourney('paste-onto-example-100');
  await app.theme('dark');
  await page.getByTestId('fit-view').click();
  await app.settled();
  await app.expectEveryEdge('paste-onto-example-100: dark, Fit');
  await app.screenshot('edges-paste-onto-example-100-dark');
  await expectAccessible(page, 'edges: 100 routes onto the example, dark');
  await app.theme('light');
  app.done();
});
