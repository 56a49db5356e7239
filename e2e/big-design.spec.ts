import { expect, test, type Locator, type Page } from '@playwright/test';
import { generatePeerDesign } from '../src/bench/generate-peer';
import { expectAccessible } from './axe';
import { WatchedPage } from './watched-page';

/**
 * A big design opens as structure (issue 15): the peer's shape (3 Gateways in infra with 2
 * listeners each, N HTTPRoutes over team-a…team-d, no Services) pasted onto a blank design shows,
 * in its first view, every Gateway with its listeners and one node per team saying what it holds,
 * at a zoom where their titles read (≥ 11 px on screen at 1600×1000 with the default panes); a
 * hint says what happened, once; a namespace the user opens stays open, across a reload.
 */
test.use({ viewport: { width: 1600, height: 1000 } });

const TEAMS = ['team-a', 'team-b', 'team-c', 'team-d'];
const GATEWAYS = ['gw-0', 'gw-1', 'gw-2'];
const MIN_TITLE_PX = 11;
const gatewayId = (name: string): string => `gateway.networking.k8s.io/Gateway/infra/${name}`;
const routeId = (ns: string, name: string): string => `gateway.networking.k8s.io/HTTPRoute/${ns}/${name}`;

/** The saved design's collapsed namespaces (IndexedDB, where autosave writes a big design). */
function savedCollapsed(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('route-designer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('autosave')) return resolve([]);
          const request = db.transaction('autosave').objectStore('autosave').get('route-designer:autosave');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            const v: unknown = request.result;
            const collapsed = typeof v === 'object' && v !== null && 'collapsed' in v && typeof v.collapsed === 'object' && v.collapsed !== null ? v.collapsed : {};
            resolve(Object.keys(collapsed).sort());
          };
        };
      }),
  );
}

class BigDesignPage extends WatchedPage {
  readonly canvas = this.page.locator('.react-flow');

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  collapsed(namespace: string): Locator {
    return this.page.getByTestId(`collapsed-${namespace}`);
  }

  async blank(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node(gatewayId('edge'))).toBeVisible();
    await this.page.getByTestId('io-new').click();
    const confirm = this.page.getByTestId('confirm-new-ok');
    if (await confirm.isVisible()) await confirm.click();
    await expect(this.page.getByTestId('empty-state')).toBeVisible();
  }

  /** Pastes `text` as the clipboard would, outside any text field. */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Laid out and drawn, with `objects` resources (the canvas says so). */
  async settled(objects: number): Promise<void> {
    await expect(this.page.locator(`.react-flow[data-layout="settled"][data-objects="${objects}"]`)).toHaveCount(1, { timeout: 60_000 });
  }

  async zoom(): Promise<number> {
    const transform = await this.page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
    const m = /matrix\(([-\d.e]+)/.exec(transform);
    return m ? Number(m[1]) : 1;
  }

  /** The on-screen size of a node's title, in CSS pixels (its font size times the zoom). */
  async titlePx(node: Locator): Promise<number> {
    const size = await node.locator('.rd-card-name, .rd-small-name').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    return size * (await this.zoom());
  }

  /** `node` lies whole inside the canvas's box. */
  async expectInView(node: Locator, what: string): Promise<void> {
    const box = await this.canvas.boundingBox();
    const b = await node.boundingBox();
    expect(box, 'the canvas has a box').not.toBeNull();
    expect(b, `${what} has a box`).not.toBeNull();
    if (!box || !b) return;
    expect(b.x, `${what}: left edge in the canvas`).toBeGreaterThanOrEqual(box.x - 1);
    expect(b.y, `${what}: top edge in the canvas`).toBeGreaterThanOrEqual(box.y - 1);
    expect(b.x + b.width, `${what}: right edge in the canvas`).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(b.y + b.height, `${what}: bottom edge in the canvas`).toBeLessThanOrEqual(box.y + box.height + 1);
  }

  /** The first view: every Gateway and every team whole in the canvas, their titles ≥ 11 px. */
  async expectStructure(open: readonly string[] = []): Promise<{ zoom: number; gatewayPx: number; groupPx: number }> {
    let gatewayPx = Infinity;
    for (const gw of GATEWAYS) {
      const node = this.node(gatewayId(gw));
      await expect(node).toBeVisible();
      await this.expectInView(node, `Gateway ${gw}`);
      await expect(node.getByText('http-alt', { exact: false }).first(), `the listeners of ${gw} are drawn`).toBeVisible();
      gatewayPx = Math.min(gatewayPx, await this.titlePx(node));
    }
    let groupPx = Infinity;
    for (const team of TEAMS.filter((t) => !open.includes(t))) {
      const node = this.collapsed(team);
      await expect(node).toBeVisible();
      await this.expectInView(node, `namespace ${team}`);
      groupPx = Math.min(groupPx, await this.titlePx(node));
    }
    expect(gatewayPx, 'Gateway titles on screen (px)').toBeGreaterThanOrEqual(MIN_TITLE_PX);
    if (groupPx !== Infinity) expect(groupPx, 'collapsed namespace titles on screen (px)').toBeGreaterThanOrEqual(MIN_TITLE_PX);
    return { zoom: await this.zoom(), gatewayPx, groupPx };
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }
}

async function pasteBig(app: BigDesignPage, routes: number): Promise<void> {
  await app.blank();
  await app.paste(generatePeerDesign(routes).text);
  await app.settled(routes + 3);
}

for (const routes of [100, 1000]) {
  test(`big design: ${routes} routes pasted onto a blank design open as structure — Gateways, listeners, one node per team; a namespace opened stays open after a reload`, async ({ page }) => {
    test.setTimeout(180_000);
    const app = new BigDesignPage(page);
    await pasteBig(app, routes);
    const perTeam = routes / TEAMS.length;

    // The first view: no route card, every Gateway and team in view and legible.
    await expect(page.locator('.react-flow__node-collapsed')).toHaveCount(TEAMS.length);
    await expect(app.node(routeId('team-a', 'route-0'))).toHaveCount(0);
    const first = await app.expectStructure();
    console.log(`    ${routes} routes, first view: zoom ${first.zoom.toFixed(2)}, Gateway titles ${first.gatewayPx.toFixed(1)} px, namespace titles ${first.groupPx.toFixed(1)} px`);
    // Each team says what it holds, and the edges into it: one per listener, with a count.
    await expect(app.collapsed('team-a')).toContainText(`${perTeam} HTTPRoutes · ${perTeam} missing Services`);
    await expect(page.locator('.react-flow__edge')).toHaveCount(12);
    const labels = await page.getByTestId('edge-label').allTextContents();
    expect(labels.reduce((sum, l) => sum + Number(/^(\d+) routes$/.exec(l)?.[1] ?? NaN), 0)).toBe(routes);
    // The hint says what happened and how to open one, without taking focus.
    const hint = page.getByTestId('auto-collapse-hint');
    await expect(hint).toContainText('4 namespaces collapsed (team-a, team-b, team-c, team-d)');
    await expect(hint).toContainText('double-click');
    await expect(page.locator('[role="status"]').filter({ has: hint })).toHaveCount(1);
    expect(await hint.evaluate((el) => el.contains(document.activeElement))).toBe(false);
    await app.screenshot(`big-design-${routes}-light`);
    await expectAccessible(page, `big design, ${routes} routes, first view, light`);
    await page.getByTestId('toggle-theme').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.waitForTimeout(400); // the buttons' colour transitions end
    await app.screenshot(`big-design-${routes}-dark`);
    await expectAccessible(page, `big design, ${routes} routes, first view, dark`);
    await page.getByTestId('toggle-theme').click();

    // Open team-a: its routes are drawn, the hint has done its work; the other teams stay collapsed.
    await page.getByTestId('expand-team-a').click();
    await expect(hint).toHaveCount(0);
    await expect(app.collapsed('team-a')).toHaveCount(0);
    await expect(page.locator('.react-flow__node-collapsed')).toHaveCount(TEAMS.length - 1);
    await expect(page.locator('.react-flow[data-layout="settled"]')).toHaveCount(1, { timeout: 60_000 });
    await page.getByTestId('fit-view').click();
    await expect(page.locator(`[data-id^="${routeId('team-a', '')}"]`).first()).toBeAttached();
    await expect.poll(() => savedCollapsed(page), { timeout: 20_000 }).toEqual(['ns:team-b', 'ns:team-c', 'ns:team-d']);
    await expectAccessible(page, `big design, ${routes} routes, team-a open`);

    // A reload restores what was saved: team-a open, the others collapsed, nothing said again.
    await page.reload();
    await app.settled(routes + 3);
    await expect(page.locator('.react-flow__node-collapsed')).toHaveCount(TEAMS.length - 1);
    await expect(app.collapsed('team-a')).toHaveCount(0);
    await expect(page.locator(`[data-id^="${routeId('team-a', '')}"]`).first()).toBeAttached();
    await expect(page.getByTestId('auto-collapse-hint')).toHaveCount(0);
    await expectAccessible(page, `big design, ${routes} routes, after a reload`);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
}

test('big design: Expand all, and the curated example opens as before (nothing collapsed, no hint)', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new BigDesignPage(page);
  await page.goto('/');
  await expect(app.node(gatewayId('edge'))).toBeVisible();
  await expect(page.locator('.react-flow__node-collapsed')).toHaveCount(0);
  await expect(page.getByTestId('auto-collapse-hint')).toHaveCount(0);

  await pasteBig(app, 100);
  await expect(page.locator('.react-flow__node-collapsed')).toHaveCount(TEAMS.length);
  await page.getByTestId('auto-collapse-expand-all').click();
  await expect(page.locator('.react-flow__node-collapsed')).toHaveCount(0);
  await expect(page.getByTestId('auto-collapse-hint')).toHaveCount(0);
  await expect(app.node(routeId('team-d', 'route-99'))).toBeAttached({ timeout: 30_000 });
  await expectAccessible(page, 'big design, 100 routes, all expanded');
  expect(app.consoleErrors).toEqual([]);
});
