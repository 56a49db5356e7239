import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { WatchedPage } from './watched-page';
import { expectAccessible } from './axe';

/**
 * The compare view (issue 12): the shop example is the "before"; the design becomes an "after"
 * with the cart's canary split moved from 90/10 to 50/50, a new route for /returns (and its
 * Service), and the plain-HTTP redirect route removed. Compared, the canvas marks what was added
 * and changed and draws the removed route as a ghost; the Changes tab lists the behaviour, status
 * and problem changes; a change picked shows its request answered by both versions side by side.
 */
const SHOP = readFileSync(new URL('../public/examples/shop.yaml', import.meta.url), 'utf8');

const RETURNS = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: returns
  namespace: shop
spec:
  parentRefs:
    - name: edge
      namespace: infra
      sectionName: https
  hostnames:
    - www.shop.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /returns
      backendRefs:
        - name: returns
          port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: returns
  namespace: shop
spec:
  selector:
    app: returns
  ports:
    - name: http
      port: 8080
`;

/** The shop, edited: 50/50 canary, no HTTP redirect, a returns route. */
const AFTER = [
  ...SHOP.replace('weight: 90', 'weight: 50')
    .replace('weight: 10', 'weight: 50')
    .split('\n---\n')
    .filter((doc) => !doc.includes('name: https-redirect')),
  RETURNS,
].join('\n---\n');


class Compare extends WatchedPage {
  /** Opens the app and replaces the design with `text`, pasted (as a user pastes manifests). */
  async openWith(text: string): Promise<void> {
    await this.openBlank();
    await this.pasteOnPage(text);
    await expect(this.node('HTTPRoute', 'shop', 'returns')).toBeVisible();
    await this.settled();
  }

  async settled(): Promise<void> {
    await expect(this.page.getByLabel('Checking')).toHaveCount(0);
    await expect(this.page.locator('.react-flow')).toHaveAttribute('data-layout', 'settled');
  }

  get bar(): Locator {
    return this.page.getByTestId('compare-bar');
  }

  get dialog(): Locator {
    return this.page.getByTestId('compare-dialog');
  }

  get changes(): Locator {
    return this.page.getByTestId('changes').getByTestId('change');
  }

  /** A behaviour change by the request that shows it. */
  change(request: RegExp): Locator {
    return this.changes.filter({ has: this.page.locator('.rd-change-witness', { hasText: request }) });
  }

  column(side: 'before' | 'after'): Locator {
    return this.page.getByTestId(`compared-${side}`);
  }

  async compared(): Promise<void> {
    await expect(this.bar).toHaveAttribute('data-busy', 'false');
    await expect(this.page.getByTestId('compare-counts')).toBeVisible();
  }

  async screenshotBoth(name: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      const theme = await this.page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
      await this.page.waitForTimeout(400); // the theme's colour transitions end
      await this.page.screenshot({ path: `e2e/screenshots/compare-${name}-${theme}.png` });
      await expectAccessible(this.page, `compare: ${name}, ${theme}`);
      await this.page.getByTestId('toggle-theme').click();
    }
  }
}

test.use({ viewport: { width: 1600, height: 1000 } });

test('compare a before and an after: marks on the canvas, the changes listed, a change answered by both versions', async ({ page }) => {
  const c = new Compare(page);
  await c.openWith(AFTER);
  // More room for the canvas while comparing.
  await page.getByTestId('toggle-editor').click();

  // The design as it was opened is the pasted "after" itself: nothing behaves differently.
  await page.getByTestId('toolbar-compare').click();
  await expect(c.dialog).toBeVisible();
  await expect(c.dialog.getByRole('heading', { name: 'Compare with an earlier version' })).toBeVisible();
  await expect(page.getByTestId('compare-source-opened')).toBeChecked();
  await expect(page.getByTestId('compare-opened')).toContainText('as it was opened');
  await page.getByTestId('compare-start').click();
  await expect(c.dialog).toHaveCount(0);
  await c.compared();
  await expect(page.getByTestId('compare-name')).toContainText('as opened');
  await expect(page.getByTestId('tab-changes')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('changes-behaviour')).toContainText('No request behaves differently.');
  await expect(page.locator('[data-compare]')).toHaveCount(0);

  // A before version that does not read: the bar and the tab say why, nothing is marked.
  await page.getByTestId('compare-change-before').click();
  await page.getByTestId('compare-source-paste').check();
  await expect(page.getByTestId('compare-start')).toBeDisabled();
  await page.getByTestId('compare-text').fill('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: [unclosed\n');
  await page.getByTestId('compare-start').click();
  await expect(page.getByTestId('compare-name')).toHaveText('pasted text');
  await expect(page.getByTestId('compare-summary')).toContainText('does not read');
  await expect(page.getByTestId('changes-failure')).toContainText('does not read');
  await expect(page.locator('[data-compare]')).toHaveCount(0);

  // Another version: the shop example's folder is the "before" (its route tests file is left out).
  const folder = mkdtempSync(join(tmpdir(), 'compare-before-'));
  copyFileSync(new URL('../public/examples/shop.yaml', import.meta.url), join(folder, 'shop.yaml'));
  copyFileSync(new URL('../examples/shop.tests.yaml', import.meta.url), join(folder, 'shop.tests.yaml'));
  await page.getByTestId('compare-change-before').click();
  await page.getByTestId('compare-source-file').check();
  await page.getByTestId('compare-folder').setInputFiles(folder);
  await expect(page.getByTestId('compare-file-names')).toHaveText('shop.yaml');
  await expect(c.dialog).toContainText('left out (not manifests): shop.tests.yaml (route tests)');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'e2e/screenshots/compare-dialog-light.png' });
  await expectAccessible(page, 'compare: dialog, light');
  await page.getByTestId('compare-start').click();
  await c.compared();
  await expect(page.getByTestId('compare-name')).toHaveText('shop.yaml');
  await expect(page.getByTestId('compare-counts')).toContainText(/\d+ behaviour changes · \d+ status changes?/);

  // The canvas: the new route and Service are added, the cart changed (its rule and its two
  // backend edges, 50/50 now), the redirect route drawn as removed — each saying so in words.
  await expect(c.node('HTTPRoute', 'shop', 'returns')).toHaveAttribute('data-compare', 'added');
  await expect(c.node('Service', 'shop', 'returns')).toHaveAttribute('data-compare', 'added');
  await expect(c.node('HTTPRoute', 'shop', 'returns').getByTestId('mark-tag').first()).toHaveText('added');
  const cart = c.node('HTTPRoute', 'shop', 'cart');
  await expect(cart).toHaveAttribute('data-compare', 'changed');
  await expect(cart.locator('[data-testid="node-row"][data-compare="changed"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="edge-label"][data-compare="changed"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="edge-label"][data-compare="changed"]').first()).toContainText('50');
  const ghost = page.getByTestId('removed-HTTPRoute-infra-https-redirect');
  await expect(ghost).toBeVisible();
  await expect(ghost.getByTestId('mark-tag').first()).toHaveText('removed');
  await expect(page.locator('.react-flow__edge-path.is-cmp-removed')).not.toHaveCount(0);
  // Unchanged objects carry no mark.
  await expect(c.node('Service', 'shop', 'catalog')).not.toHaveAttribute('data-compare', /./);

  // The list: the cart's split, the returns path, plain HTTP no longer redirected.
  await expect(page.getByTestId('changes-count')).not.toHaveText('0');
  const split = c.change(/GET https:\/\/www\.shop\.example\.com(:443)?\/cart/);
  await expect(split.first()).toBeVisible();
  await expect(split.first().getByTestId('change-before')).toContainText('90');
  await expect(split.first().getByTestId('change-after')).toContainText('50');
  await expect(c.change(/\/returns/).first()).toBeVisible();
  const http = c.change(/^GET http:\/\//);
  await expect(http.first()).toBeVisible();
  await expect(page.getByTestId('changes-status').getByTestId('status-change').first()).toBeVisible();
  // Long requests and field paths wrap inside the panel: nothing runs past its edge.
  const overflow = await page.locator('.rd-tab-panel').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId('fit-view').click();
  await page.waitForTimeout(400);
  await c.screenshotBoth('changes');

  // A change picked: its request answered by both versions, side by side; the after path lit.
  await split.first().click();
  await expect(split.first()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('compared-answers')).toBeVisible();
  await expect(c.column('before').getByTestId('sim-backend').and(page.locator('[data-name="cart-v1"]'))).toContainText('90 %');
  await expect(c.column('after').getByTestId('sim-backend').and(page.locator('[data-name="cart-v1"]'))).toContainText('50 %');
  await expect(c.column('before').getByTestId('sim-trace')).toBeVisible();
  await expect(c.column('after').getByTestId('sim-path')).toContainText('HTTPRoute shop/cart rule 2');
  await expect(cart).toHaveClass(/is-lit/);
  await c.screenshotBoth('answers');

  // Another: plain HTTP was redirected to HTTPS; without the redirect route nothing takes it.
  await http.first().click();
  await expect(c.column('before').getByTestId('sim-status')).toHaveText(/^301/);
  await expect(c.column('before').getByTestId('sim-redirect')).toContainText('https://');
  await expect(c.column('after').getByTestId('sim-status')).toHaveText(/^404/);
  await c.screenshotBoth('redirect-gone');
  // Closing the answers unpicks the change.
  await page.getByTestId('compared-close').click();
  await expect(page.getByTestId('compared-answers')).toHaveCount(0);

  // Edited while comparing: the split set back to 90/10, the cart's change and its marks go.
  const setWeight = async (label: string, weight: number): Promise<void> => {
    await page.locator('[data-testid="edge-label"]').filter({ hasText: label }).first().click();
    const input = page.getByTestId('weight-input');
    await expect(input).toBeFocused();
    await input.fill(String(weight));
    await input.press('Enter');
    await expect(input).toBeHidden();
  };
  await setWeight('50 · 50 %', 90);
  await setWeight('50 · 35.7 %', 10);
  await expect(page.locator('[data-testid="edge-label"]').filter({ hasText: '90 · 90 %' })).toBeVisible();
  await c.compared();
  await expect(page.getByTestId('compare-counts')).toContainText('2 behaviour changes');
  await expect(split).toHaveCount(0);
  await expect(page.locator('[data-testid="edge-label"][data-compare="changed"]')).toHaveCount(0);
  await expect(cart.locator('[data-testid="node-row"][data-compare]')).toHaveCount(0);
  await expect(ghost).toBeVisible();

  // Stop comparing: the marks, the ghost, the Changes tab and the bar are gone.
  await page.getByTestId('compare-stop').click();
  await expect(c.bar).toHaveCount(0);
  await expect(page.locator('[data-compare]')).toHaveCount(0);
  await expect(ghost).toHaveCount(0);
  await expect(page.getByTestId('tab-changes')).toHaveCount(0);
  await expect(page.getByTestId('mark-tag')).toHaveCount(0);

  expect(c.consoleErrors).toEqual([]);
  expect(c.foreignRequests).toEqual([]);
});

test('a kept autosave as the before version: the dialog offers it, and its YAML is compared', async ({ page }) => {
  // An autosave cut short (kept aside at the start) that held the shop with an 80/20 split.
  const kept = SHOP.replace('weight: 90', 'weight: 80').replace('weight: 10', 'weight: 20');
  const full = JSON.stringify({ version: 1, fileName: 'shop.yaml', text: kept, positions: {}, pinned: {}, savedAt: 1 });
  await page.addInitScript((raw) => {
    if (sessionStorage.getItem('e2e-kept-set')) return;
    sessionStorage.setItem('e2e-kept-set', '1');
    localStorage.setItem('route-designer:autosave', raw);
  }, full.slice(0, full.indexOf('"positions"') + 4));
  const c = new Compare(page);
  await page.goto('/');
  await expect(page.getByTestId('kept-banner')).toBeVisible();
  await expect(c.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
  await c.settled();

  await page.getByTestId('toolbar-compare').click();
  await page.getByTestId('compare-source-kept').check();
  await expect(page.getByTestId('compare-start')).toBeDisabled();
  await page.getByTestId('compare-kept').first().check();
  await page.getByTestId('compare-start').click();
  await c.compared();
  await expect(page.getByTestId('compare-name')).toContainText('kept save of');
  // The example opened is 90/10: only the cart's split behaves differently.
  await expect(page.getByTestId('compare-counts')).toContainText('1 behaviour change ·');
  await expect(c.changes).toHaveCount(1);
  await expect(c.changes.first().getByTestId('change-before')).toContainText('80%');
  await expect(c.changes.first().getByTestId('change-after')).toContainText('90%');
  await expect(page.locator('[data-testid="edge-label"][data-compare="changed"]')).toHaveCount(2);
  expect(c.consoleErrors).toEqual([]);
});

test('problems added and fixed: listed apart, an added one jumps to its object', async ({ page }) => {
  // The route to a Service the design lacks moves from /legacy (before) to /returns (after).
  const route = (name: string): string => RETURNS.split('\n---\n')[0]?.replaceAll('returns', name) ?? '';
  const c = new Compare(page);
  await c.openWith(`${SHOP}\n---\n${route('returns')}`);
  await page.getByTestId('toolbar-compare').click();
  await expect(c.dialog).toBeVisible();
  // Ctrl+V with the dialog open (focus outside its text area): the text is the before version,
  // not an import that would replace the design.
  await c.pasteOnPage(`${SHOP}\n---\n${route('legacy')}`);
  await expect(page.getByTestId('compare-source-paste')).toBeChecked();
  await expect(page.getByTestId('compare-text')).toHaveValue(/name: legacy/);
  await expect(page.getByTestId('import-toast')).toHaveCount(0);
  // Files dropped on the window with the dialog open are the before version too (the drop
  // overlay's import would replace the design).
  const dropped = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'before.yaml', { type: 'application/yaml' }));
    return dt;
  }, `${SHOP}\n---\n${route('legacy')}`);
  await page.locator('.rd-canvas-pane').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByTestId('compare-source-file')).toBeChecked();
  await expect(page.getByTestId('compare-file-names')).toContainText('before.yaml');
  await expect(page.getByTestId('import-toast')).toHaveCount(0);
  await page.getByTestId('compare-start').click();
  await c.compared();
  await expect(c.node('HTTPRoute', 'shop', 'returns')).toBeVisible();
  await expect(page.getByTestId('compare-counts')).toContainText(/\d+ problems? added, \d+ fixed/);

  const added = page.getByTestId('changes-added').getByTestId('problem');
  const fixed = page.getByTestId('changes-fixed').getByTestId('fixed-problem');
  await expect(added.first()).toContainText('returns');
  await expect(fixed.first()).toContainText('legacy');
  await expect(fixed.first()).toContainText('before:');
  // The removed route is a ghost; the added one is marked.
  await expect(page.getByTestId('removed-HTTPRoute-shop-legacy')).toBeVisible();
  await expect(c.node('HTTPRoute', 'shop', 'returns')).toHaveAttribute('data-compare', 'added');
  // An added problem is the design's: a click selects its object, as in the Problems tab.
  await added.first().click();
  await expect(c.node('HTTPRoute', 'shop', 'returns')).toHaveClass(/is-selected/);
  await c.screenshotBoth('problems');
  expect(c.consoleErrors).toEqual([]);
});
