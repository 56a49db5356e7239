import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible } from './axe';
import { Designer } from './designer-kit';

/**
 * Issue 11, accessibility (WCAG 2.1 AA): no serious or critical axe violation, light and dark;
 * Tab walks from the toolbar through the editor (which never traps it) to the canvas's nodes in
 * reading order, each with a visible focus ring; and a design made and simulated with the
 * keyboard alone — no mouse from start to end.
 */

test.use({ viewport: { width: 1600, height: 1000 } });

class KeyboardUser extends Designer {
  /** Presses Tab (Shift+Tab with `back`) until `target` has the focus. */
  async tabTo(target: Locator, max = 120, back = false): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((e) => e === document.activeElement || e.contains(document.activeElement)).catch(() => false)) return;
      await this.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`tabTo: ${String(target)} not reached in ${max} presses (focus on ${await this.focused()})`);
  }

  /** What has the focus: its test id, or its label, or its tag. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e) return 'nothing';
      return e.dataset.testid ?? e.getAttribute('aria-label') ?? e.tagName;
    });
  }

  /** The focused element is inside the YAML editor. */
  inEditor(): Promise<boolean> {
    return this.page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null && document.activeElement?.closest('.monaco-editor') !== undefined);
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    if ((await this.page.locator('html').getAttribute('data-theme')) === theme) return;
    const toggle = this.page.getByTestId('toggle-theme');
    await this.tabTo(toggle);
    await this.page.keyboard.press('Enter');
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
    await this.page.waitForTimeout(400); // the theme's colour transitions end
  }

  async shot(name: string): Promise<void> {
    await this.page.waitForTimeout(250);
    await this.page.screenshot({ path: `e2e/screenshots/a11y-${name}.png` });
  }

  /** Screenshot and axe check in both themes; ends in the theme it started in. */
  async checkBoth(name: string): Promise<void> {
    const start = (await this.page.locator('html').getAttribute('data-theme')) === 'dark' ? 'dark' : 'light';
    for (const theme of start === 'light' ? (['light', 'dark'] as const) : (['dark', 'light'] as const)) {
      await this.page.evaluate((t) => (document.activeElement as HTMLElement | null)?.blur?.() ?? t, theme);
      await this.setTheme(theme);
      await this.shot(`${name}-${theme}`);
      await expectAccessible(this.page, `a11y: ${name}, ${theme}`);
    }
    await this.setTheme(start);
  }
}

test('the first screen: no serious violations in either theme; Tab leaves the editor and walks the nodes in reading order with a focus ring', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new KeyboardUser(page);
  await app.open();
  await expect(page.locator('.react-flow')).toHaveAttribute('data-layout', 'settled', { timeout: 30_000 });
  await app.checkBoth('open');

  // The editor says how to leave it, and Tab arriving there from the toolbar walks on through it.
  await expect(page.getByTestId('editor-tab-hint')).toContainText('Esc then Tab leaves the editor');
  await app.tabTo(page.getByTestId('relayout'));
  let walked = 0;
  while (!(await app.inEditor())) {
    await page.keyboard.press('Tab');
    if (++walked > 10) throw new Error(`the editor is not reached from the toolbar (focus on ${await app.focused()})`);
  }
  await expect(page.getByTestId('editor-tab-hint')).toHaveAttribute('data-tab-moves', 'true');
  await page.keyboard.press('Tab');
  expect(await app.inEditor(), 'Tab from the editor, reached by Tab, moves on').toBe(false);

  // Typing in the editor makes Tab indent; Esc then Tab leaves.
  await app.tabTo(app.editor, 60, true);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor-tab-hint')).toHaveAttribute('data-tab-moves', 'false');
  await page.keyboard.press('Tab');
  expect(await app.inEditor(), 'Tab indents while typing').toBe(true);
  await expect(page.getByTestId('editor-tab-hint')).toContainText('Tab indents');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor-tab-hint')).toHaveAttribute('data-tab-moves', 'true');
  await app.shot('editor-escape-light');
  await expectAccessible(page, 'a11y: editor, Esc pressed');
  await page.keyboard.press('Tab');
  expect(await app.inEditor(), 'Esc then Tab leaves the editor').toBe(false);
  await page.keyboard.press('Control+z');

  // On to the canvas: the nodes come in reading order — by column left to right, each top to bottom.
  const nodes = page.locator('.react-flow__node:not(.react-flow__node-namespace)');
  await app.tabTo(nodes.first(), 40);
  const seen: { label: string; x: number; y: number }[] = [];
  for (let i = 0; i < 30; i++) {
    const info = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e?.closest('.react-flow__nodes')) return null; // past the last node (the zoom controls)
      const node = e.classList.contains('react-flow__node') && !e.classList.contains('react-flow__node-namespace');
      const r = e.getBoundingClientRect();
      const ring = getComputedStyle(e);
      return { node, label: e.getAttribute('aria-label') ?? '', x: r.x, y: r.y, ring: `${ring.outlineStyle} ${ring.outlineWidth}` };
    });
    if (!info) break;
    // Every stop on the canvas (nodes, namespaces, their collapse toggles) shows where the focus is.
    expect(info.ring, `a focus ring on ${info.label}`).toBe('solid 2px');
    if (info.node) seen.push(info);
    if (i === 0) await app.shot('focus-node-light');
    await page.keyboard.press('Tab');
  }
  expect(seen.length).toBeGreaterThanOrEqual(4);
  // Every node before anything else on the canvas; after the last node, the weight labels.
  expect(seen.length).toBe(await nodes.count());
  expect(await page.evaluate(() => document.activeElement?.closest('.react-flow__viewport-portal') !== null), 'the weight labels come after the nodes').toBe(true);
  expect(seen[0]?.label).toMatch(/^GatewayClass |^Gateway /);
  // Reading order: the next node is in a column further right, or below in the same column.
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]] as [{ x: number; y: number }, { x: number; y: number }];
    const sameColumn = Math.abs(b.x - a.x) <= 40;
    expect(sameColumn ? b.y > a.y : b.x > a.x, `node ${i} (${b.x}, ${b.y}) after node ${i - 1} (${a.x}, ${a.y}) in reading order`).toBe(true);
  }
  // Screen readers hear what each node is.
  expect(seen.map((s) => s.label).join('\n')).toMatch(/HTTPRoute shop\/cart, \d+ rules?, attached to edge\/https/);

  // The weight labels are buttons too: Enter opens the weight, Escape gives the focus back.
  const weight = page.locator('[data-weight-edge]').first();
  await app.tabTo(weight, 80);
  await expect(weight).toHaveAttribute('role', 'button');
  await expect(weight).toHaveAttribute('title', /^Weight of the backend shop\/cart-v\d: press Enter to change it$/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('weight-input')).toBeFocused();
  await app.shot('weight-editor-light');
  await expectAccessible(page, 'a11y: weight editor open');
  await page.keyboard.press('Escape');
  await expect(weight).toBeFocused();
  expect(app.consoleErrors).toEqual([]);
});

test('keyboard only: a Gateway → HTTPRoute → Service designed and a request simulated, without the mouse', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new KeyboardUser(page);
  await app.open();

  // New design (the toolbar's New asks first: its dialog takes Enter).
  await app.tabTo(page.getByTestId('io-new'));
  await page.keyboard.press('Enter');
  const confirm = page.getByTestId('confirm-new-ok');
  await app.tabTo(confirm, 10);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await app.checkBoth('empty');

  // Three kinds from the palette, each added with Enter.
  for (const kind of ['Gateway', 'HTTPRoute', 'Service']) {
    await app.tabTo(page.getByTestId(`palette-${kind}`));
    await page.keyboard.press('Enter');
  }
  await expect(app.node('Gateway', 'default', 'gateway')).toBeVisible();
  await expect(app.node('HTTPRoute', 'default', 'httproute')).toBeVisible();
  await expect(app.node('Service', 'default', 'service')).toBeVisible();

  // The route, reached on the canvas by Tab and selected with Enter.
  const route = page.locator('.react-flow__node').filter({ has: app.node('HTTPRoute', 'default', 'httproute') });
  await app.tabTo(route);
  await expect(route).toHaveAttribute('aria-label', /^HTTPRoute default\/httproute, 1 rule/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector-name')).toHaveValue('httproute');

  // "+ parent": the http listener, chosen from the list with the arrow keys, then the button.
  const parent = page.getByTestId('add-parent-choice');
  await app.tabTo(parent);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(parent.locator('option:checked')).toHaveText('Gateway default/gateway · listener http');
  await app.tabTo(page.getByTestId('add-parent'), 3);
  await page.keyboard.press('Enter');
  await app.expectSaved((t) => /parentRefs:\n\s+- name: gateway\n\s+sectionName: http/.test(t), 'the route is attached to the http listener');
  await expect(route).toHaveAttribute('aria-label', /attached to gateway\/http/);

  // "+ backend": the Service, for rule 1.
  const backend = page.getByTestId('add-backend-0-choice');
  await app.tabTo(backend);
  await page.keyboard.press('ArrowDown');
  await expect(backend.locator('option:checked')).toHaveText('Service default/service');
  await app.tabTo(page.getByTestId('add-backend-0'), 3);
  await page.keyboard.press('Enter');
  await app.expectSaved((t) => /backendRefs:\n\s+- name: service/.test(t), 'rule 1 sends to the Service');
  await app.checkBoth('designed');

  // The weight, in the form (the keyboard's other way to the number on the edge).
  const weightField = page.getByTestId('backend-weight-0-0');
  await app.tabTo(weightField);
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await app.expectSaved((t) => /weight: 3\b/.test(t), 'the weight is written');

  // The simulator: its tab, a URL typed, Enter.
  await app.tabTo(page.getByTestId('tab-simulator'));
  await page.keyboard.press('Enter');
  const start = page.getByTestId('sim-start');
  if (await start.isVisible()) {
    await app.tabTo(start, 20);
    await page.keyboard.press('Enter');
  }
  const url = page.getByTestId('sim-url');
  await app.tabTo(url, 30);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('http://www.example.com/');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sim-status')).toHaveText('200 OK');
  await expect(app.node('Service', 'default', 'service')).toHaveClass(/is-lit/);
  await app.checkBoth('simulated');
  expect(app.consoleErrors).toEqual([]);
});
