import { expect, test, type Page } from '@playwright/test';
import { Designer } from './designer-kit';
import { expectAccessible } from './axe';

/**
 * No lost work: autosave in IndexedDB. An unreadable save is kept aside and offered back; a design
 * past localStorage's quota saves; two tabs never overwrite each other silently; the last
 * keystroke survives a reload; a failed save is said until one succeeds.
 */

test.use({ viewport: { width: 1600, height: 1000 } });

const KEY = 'route-designer:autosave';

type Pick = 'text' | 'textLength' | 'raw' | 'keptKeys';

/** A value of the app's IndexedDB store (read once the app has opened it), picked in the page: a design's text or its length, a kept save's raw text, the kept keys. */
function idbRead<T>(page: Page, key: string | null, pick: Pick): Promise<T> {
  return page.evaluate(
    ({ key, pick }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('route-designer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('autosave').objectStore('autosave');
          const request = key === null ? store.getAllKeys() : store.get(key);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            const v: unknown = request.result;
            const text = typeof v === 'object' && v !== null && 'text' in v && typeof v.text === 'string' ? v.text : '';
            const picked = {
              text,
              textLength: text.length,
              raw: typeof v === 'object' && v !== null && 'raw' in v ? v.raw : null,
              keptKeys: Array.isArray(v) ? v.map(String).filter((k) => k.includes(':corrupt:') || k.includes(':unsaved:')) : [],
            }[pick];
            resolve(picked as T);
          };
        };
      }),
    { key, pick },
  );
}

class SavingDesigner extends Designer {
  /** The saved design's text (IndexedDB), or '' when there is none. */
  storedText(): Promise<string> {
    return idbRead<string>(this.page, KEY, 'text');
  }

  async expectStored(check: (text: string) => boolean, message: string): Promise<void> {
    await expect.poll(async () => check(await this.storedText()), { message, timeout: 15_000 }).toBe(true);
  }

  keptKeys(): Promise<string[]> {
    return idbRead<string[]>(this.page, null, 'keptKeys');
  }

  keptRaw(key: string): Promise<string> {
    return idbRead<string>(this.page, key, 'raw');
  }

  /** Types at the start of the document (its first line is always in view). No spaces: Monaco may drop a typed space. */
  async typeAtTop(text: string): Promise<void> {
    await this.editor.locator('.view-line').first().click({ position: { x: 4, y: 5 } });
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.type(text);
  }

  async shot(name: string): Promise<void> {
    await this.page.waitForTimeout(250);
    await this.page.screenshot({ path: `test-results/autosave-${name}.png` });
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    if ((await this.page.locator('html').getAttribute('data-theme')) !== theme) await this.page.getByTestId('toggle-theme').click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }
}

const CUT_SHORT = JSON.stringify({
  version: 1,
  fileName: 'lost.yaml',
  text: 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: lost-route\n  namespace: shop\nspec:\n  rules:\n  - backendRefs:\n    - name: lost-backend\n      port: 8080\n',
  positions: {},
  pinned: {},
  savedAt: 1,
}).slice(0, 190);

test('an unreadable autosave is kept aside, offered back with its text, and never written over', async ({ page }) => {
  const app = new SavingDesigner(page);
  await page.addInitScript((raw) => {
    if (sessionStorage.getItem('e2e-corrupt-set')) return;
    sessionStorage.setItem('e2e-corrupt-set', '1');
    localStorage.setItem('route-designer:autosave', raw);
  }, CUT_SHORT);
  await app.open();

  // The example opens (nothing readable was saved), under a banner that stays.
  const banner = page.getByTestId('kept-banner');
  await expect(banner).toContainText('Your last autosave could not be read');
  await expect(banner).toContainText('not complete JSON');
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
  await app.setTheme('light');
  await app.shot('kept-light');
  await expectAccessible(page, 'autosave: kept-light');
  await app.setTheme('dark');
  await app.shot('kept-dark');
  await expectAccessible(page, 'autosave: kept-dark');
  await app.setTheme('light');

  // Its raw text, as it was stored.
  await page.getByTestId('kept-show').click();
  const dialog = page.getByTestId('kept-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('kept-raw')).toContainText('"fileName":"lost.yaml"');
  await expect(page.getByTestId('kept-load')).toHaveText('Load its YAML into the editor');
  await app.shot('kept-dialog');
  await expectAccessible(page, 'autosave: kept-dialog');
  await page.getByTestId('kept-dialog-close').click();

  // Edits are saved; the kept save is untouched, and the old key no longer holds it.
  const [kept] = await app.keptKeys();
  expect(kept).toMatch(/^route-designer:autosave:corrupt:\d+$/);
  await app.typeAtTop('#edited-');
  await app.expectStored((t) => t.startsWith('#edited-# Route Designer'), 'the edit is saved');
  await app.typeAtTop('#again-');
  await app.expectStored((t) => t.startsWith('#again-#edited-'), 'the next edit is saved');
  expect(await app.keptRaw(kept ?? '')).toBe(CUT_SHORT);
  expect(await page.evaluate(() => localStorage.getItem('route-designer:autosave'))).toContain('#again-#edited-');

  // Across a reload: the design and the banner.
  await page.reload();
  await expect(app.editorLine('#again-#edited-')).toBeVisible();
  await expect(banner).toBeVisible();

  // Its YAML, read out of the cut-short save, into the editor.
  await page.getByTestId('kept-show').click();
  await page.getByTestId('kept-load').click();
  await expect(app.editorLine('name: lost-route')).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'lost-route')).toBeVisible();

  // Discarded (asked twice): gone for good.
  await page.getByTestId('kept-discard').click();
  await expect(page.getByTestId('kept-discard')).toHaveText('Discard for good');
  await page.getByTestId('kept-discard').click();
  await expect(banner).toBeHidden();
  expect(await app.keptKeys()).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});

/** 300 HTTPRoutes, each with a 20 KB annotation: about 6 MB, past localStorage's quota. */
function bigDesign(): string {
  const note = 'x'.repeat(20_000);
  const docs = Array.from(
    { length: 300 },
    (_, i) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r${i}\n  namespace: big\n  annotations:\n    note: "${note}"\nspec:\n  rules:\n  - backendRefs:\n    - name: svc${i % 10}\n      port: 80\n`,
  );
  return docs.join('---\n');
}

test('a 6 MB design saves (IndexedDB) and survives a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new SavingDesigner(page);
  await app.open();
  await app.newDesign();
  const text = bigDesign();
  expect(text.length).toBeGreaterThan(6_000_000);
  await app.clickPane();
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => idbRead<number>(page, KEY, 'textLength'), { timeout: 60_000, message: 'the big design is saved' }).toBe(text.length);
  await expect(page.getByTestId('save-failure-banner')).toHaveCount(0);
  // Too big for a localStorage copy: none is kept (it would be older than the save).
  expect(await page.evaluate(() => localStorage.getItem('route-designer:autosave'))).toBeNull();

  await page.reload();
  await expect(app.editorLine('name: r0').first()).toBeVisible({ timeout: 30_000 });
  expect(await idbRead<number>(page, KEY, 'textLength')).toBe(text.length);
  expect(await page.evaluate(() => document.querySelector('[data-testid="empty-state"]') === null)).toBe(true);
  expect(app.consoleErrors).toEqual([]);
});

test('two tabs: the second hears of the first one’s save and does not overwrite it silently', async ({ context }) => {
  const one = new SavingDesigner(await context.newPage());
  await one.open();
  await one.expectStored((t) => t.includes('weight: 90'), 'the example is saved');
  const two = new SavingDesigner(await context.newPage());
  await two.open();
  await expect(two.editorLine('# Route Designer example')).toBeVisible();

  // Tab one edits; tab two is told, and stops saving.
  await one.page.bringToFront();
  await one.typeAtTop('#tab-one-');
  await one.expectStored((t) => t.includes('#tab-one-'), 'tab one saves');
  await two.page.bringToFront();
  const conflict = two.page.getByTestId('save-conflict-banner');
  await expect(conflict).toContainText('This design was changed in another tab');
  await two.typeAtTop('#tab-two-');
  await two.page.waitForTimeout(1500);
  expect(await two.storedText()).toContain('#tab-one-');
  expect(await two.storedText()).not.toContain('#tab-two-');
  await two.setTheme('light');
  await two.shot('conflict-light');
  await expectAccessible(two.page, 'autosave: conflict-light');
  await two.setTheme('dark');
  await two.shot('conflict-dark');
  await expectAccessible(two.page, 'autosave: conflict-dark');

  // Keep mine: tab two overwrites, and now tab one is asked.
  await two.page.getByTestId('conflict-keep-mine').click();
  await expect(conflict).toBeHidden();
  await two.expectStored((t) => t.includes('#tab-two-') && !t.includes('#tab-one-'), 'tab two overwrites, as chosen');
  await one.page.bringToFront();
  await expect(one.page.getByTestId('save-conflict-banner')).toBeVisible();

  // Load theirs: tab one takes tab two's design.
  await one.page.getByTestId('conflict-load-theirs').click();
  await expect(one.page.getByTestId('save-conflict-banner')).toBeHidden();
  await expect(one.editorLine('#tab-two-')).toBeVisible();
  await expect(one.editorLine('#tab-one-')).toHaveCount(0);
  expect(one.consoleErrors).toEqual([]);
  expect(two.consoleErrors).toEqual([]);
});

test('a reload right after typing keeps the last keystroke', async ({ page }) => {
  const app = new SavingDesigner(page);
  await app.open();
  await app.expectStored((t) => t.includes('weight: 90'), 'the example is saved');
  await app.typeAtTop('#last-');
  await page.reload();
  await expect(app.editorLine('#last-# Route Designer example')).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});

test('a failed save is said until a save succeeds, with the design to download', async ({ page }) => {
  const app = new SavingDesigner(page);
  // The storage refuses every write, as a full disk would, until the test lets it.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (localStorage.getItem('e2e-full') !== 'no') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await app.open();
  const banner = page.getByTestId('save-failure-banner');
  await expect(banner).toContainText("Autosave failed: the browser's storage for this site is full");
  await app.setTheme('light');
  await app.shot('failed-light');
  await expectAccessible(page, 'autosave: failed-light');
  await app.setTheme('dark');
  await app.shot('failed-dark');
  await expectAccessible(page, 'autosave: failed-dark');
  const download = page.waitForEvent('download');
  await page.getByTestId('save-failure-download').click();
  expect((await download).suggestedFilename()).toBe('shop.yaml');

  // Still failing: the banner stays. Then the storage has room again: the next save clears it.
  await app.typeAtTop('#a-');
  await page.waitForTimeout(1000);
  await expect(banner).toBeVisible();
  await page.evaluate(() => localStorage.setItem('e2e-full', 'no'));
  await app.typeAtTop('#b-');
  await expect(banner).toBeHidden();
  await app.expectStored((t) => t.startsWith('#b-#a-'), 'saved once there is room');
  expect(app.consoleErrors).toEqual([]);
});
