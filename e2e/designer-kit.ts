import { expect, type Locator } from '@playwright/test';
import { WatchedPage } from './watched-page';

/** Node ids are resource ids: `group/Kind/namespace/name` (core for the core group). */
export const ids = {
  gateway: (ns: string, name: string) => `gateway.networking.k8s.io/Gateway/${ns}/${name}`,
  route: (ns: string, name: string) => `gateway.networking.k8s.io/HTTPRoute/${ns}/${name}`,
  service: (ns: string, name: string) => `core/Service/${ns}/${name}`,
  istioGateway: (ns: string, name: string) => `networking.istio.io/Gateway/${ns}/${name}`,
  vs: (ns: string, name: string) => `networking.istio.io/VirtualService/${ns}/${name}`,
};

/** The designer as the editing journeys use it: palette, canvas gestures, inspector, YAML, autosave. */
export class Designer extends WatchedPage {
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Route Designer' })).toBeVisible();
    await expect(this.editor.locator('.monaco-editor')).toBeVisible();
  }

  /** Opens the app on a design of its own (as if autosaved earlier), with no positions yet. */
  async openDesign(text: string): Promise<void> {
    await this.page.addInitScript((saved) => {
      if (sessionStorage.getItem('e2e-design-set')) return; // a reload keeps what autosave wrote since
      sessionStorage.setItem('e2e-design-set', '1');
      localStorage.setItem('route-designer:autosave', saved);
    }, JSON.stringify({ version: 1, fileName: 'design.yaml', text, positions: {}, pinned: {}, savedAt: Date.now() }));
    await this.open();
  }

  /** An empty design: the toolbar's New (confirming when the design had content). */
  async newDesign(): Promise<void> {
    await this.page.getByTestId('io-new').click();
    const confirm = this.page.getByTestId('confirm-new-ok');
    if (await confirm.isVisible()) await confirm.click();
    await expect(this.page.getByTestId('empty-state')).toBeVisible();
  }

  async toggleEditor(): Promise<void> {
    await this.page.getByTestId('toggle-editor').click();
    await this.page.waitForTimeout(250); // the canvas pane resizes
  }

  async zoomOut(): Promise<void> {
    await this.page.locator('.react-flow__controls-zoomout').click();
    await this.page.waitForTimeout(350);
  }

  get pane(): Locator {
    return this.page.locator('.react-flow__pane');
  }

  /** Drags a palette kind onto the canvas, at a point of the canvas (from its top-left corner). */
  async drop(kind: string, x: number, y: number): Promise<void> {
    await this.page.getByTestId(`palette-${kind}`).dragTo(this.pane, { targetPosition: { x, y } });
  }

  handle(id: string): Locator {
    return this.page.locator(`[data-handleid="${id}"]`);
  }

  /** Drags from a handle (a listener, a rule, a Service) and releases over `to`. */
  async connect(from: Locator, to: Locator, at?: { x: number; y: number }, screenshot?: string): Promise<void> {
    await expect(this.page.getByLabel('Checking')).toHaveCount(0); // the canvas draws the current text
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('connect: an end is not on screen');
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    const tx = b.x + (at ? at.x : b.width / 2);
    const ty = b.y + (at ? at.y : b.height / 2);
    await this.page.mouse.move(tx, ty, { steps: 12 });
    if (screenshot) await this.screenshot(screenshot);
    await this.page.mouse.up();
  }

  edgeLabel(text: string): Locator {
    return this.page.getByTestId('edge-label').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  /** Clicks an edge's weight label and types a new weight. */
  async setWeight(label: string, weight: number): Promise<void> {
    await this.edgeLabel(label).first().click();
    const input = this.page.getByTestId('weight-input');
    await expect(input).toBeFocused();
    await input.fill(String(weight));
    await input.press('Enter');
    await expect(input).toBeHidden();
  }

  field(path: string): Locator {
    return this.page.getByTestId(`field-${path}`);
  }

  /** Types a value into an inspector field and leaves it (Enter writes it). */
  async fill(path: string, value: string): Promise<void> {
    const f = this.field(path);
    await f.fill(value);
    await f.press('Enter');
  }

  async rename(name: string): Promise<void> {
    const input = this.page.getByTestId('inspector-name');
    await input.fill(name);
    await input.press('Enter');
  }

  /** The document as autosave last wrote it (debounced): the whole YAML text, not only the visible lines. */
  async savedText(): Promise<string> {
    return this.page.evaluate(() => {
      const raw = localStorage.getItem('route-designer:autosave');
      return raw ? String((JSON.parse(raw) as { text: string }).text) : '';
    });
  }

  /** Waits until the saved document satisfies `check` (autosave follows every change). */
  async expectSaved(check: (text: string) => boolean, message: string): Promise<string> {
    await expect.poll(async () => check(await this.savedText()), { message, timeout: 10_000 }).toBe(true);
    return this.savedText();
  }

  async expectNoErrors(): Promise<void> {
    await this.page.getByTestId('tab-problems').click();
    await expect(this.page.locator('.rd-problem.rd-sev-error')).toHaveCount(0);
    await this.page.getByTestId('tab-inspector').click();
  }

  async select(kind: string, namespace: string, name: string): Promise<void> {
    await this.node(kind, namespace, name).locator('.rd-card-header, .rd-small-name').first().click();
    await expect(this.page.getByTestId('inspector-name')).toHaveValue(name);
  }

  async screenshot(name: string): Promise<void> {
    await this.page.waitForTimeout(300);
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }
}
