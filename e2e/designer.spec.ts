import { expect, test } from '@playwright/test';
import { Designer, ids } from './designer-kit';
import { expectAccessible } from './axe';

/**
 * Editing in the visual designer: design from scratch with the palette, canvas gestures and the
 * inspector; edit both ways (YAML ⇄ canvas); Istio; the mesh (GAMMA); delete, undo/redo,
 * autosave, find, review mode and the refusal of canvas edits while the YAML is broken.
 */

const GW = ids.gateway('default', 'gateway');
const ROUTE = ids.route('default', 'httproute');

test('journey 1: design from scratch — palette, listeners, connect, 90/10 split, matches and a filter', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await app.screenshot('edit-01-empty');
  await expectAccessible(page, 'designer: edit-01-empty');
  // Room to draw: the YAML editor folds away while placing things (it comes back below).
  await app.toggleEditor();
  await app.zoomOut();

  // A Gateway from the palette, dropped where the pointer is.
  await app.drop('Gateway', 60, 70);
  await expect(app.node('Gateway', 'default', 'gateway')).toBeVisible();
  await expect(page.getByTestId('empty-state')).toBeHidden();
  await expect(page.getByTestId('inspector-name')).toHaveValue('gateway');

  // Listeners in the inspector: HTTP :80 is there; add HTTPS :443 with a certificate and hostnames.
  await page.getByTestId('add-listener-https').click();
  await expect(app.field('spec.listeners[1].port')).toHaveValue('443');
  // An invalid hostname is said as it is typed, and not written.
  await app.field('spec.listeners[0].hostname').fill('Shop_Example');
  await expect(page.getByTestId('field-error').first()).toContainText('lower-case hostname');
  await expect(page.getByTestId('field-error').first()).toContainText('not applied');
  await app.screenshot('edit-02-invalid-hostname');
  await expectAccessible(page, 'designer: edit-02-invalid-hostname');
  await app.fill('spec.listeners[0].hostname', '*.shop.example.com');
  await app.fill('spec.listeners[1].hostname', '*.shop.example.com');
  await app.fill('spec.listeners[1].tls.certificateRefs[0].name', 'shop-cert');
  await expect(app.node('Gateway', 'default', 'gateway')).toContainText('https :443 *.shop.example.com');
  await app.screenshot('edit-03-gateway-listeners');
  await expectAccessible(page, 'designer: edit-03-gateway-listeners');

  // The certificate Secret, an HTTPRoute and two Services.
  await app.drop('Secret', 60, 300);
  await app.rename('shop-cert');
  await expect(app.node('Secret', 'default', 'shop-cert')).toBeVisible();
  await app.drop('HTTPRoute', 390, 70);
  await expect(app.node('HTTPRoute', 'default', 'httproute')).toBeVisible();
  await app.drop('Service', 700, 160);
  await app.rename('cart-v1');
  await app.drop('Service', 700, 330);
  await app.rename('cart-v2');
  await expect(app.node('Service', 'default', 'cart-v2')).toBeVisible();

  // Connect the http listener to the route: a parentRef with sectionName.
  await app.connect(app.handle(`s:${GW}#listener:http`), app.node('HTTPRoute', 'default', 'httproute'), undefined, 'edit-04-connecting');
  await app.expectSaved((t) => /parentRefs:\n\s+- name: gateway\n\s+sectionName: http/.test(t), 'the route is attached to the http listener');
  // Connect the rule to both Services: backendRefs with the Service port.
  await app.connect(app.handle(`s:${ROUTE}#rule:0`), app.node('Service', 'default', 'cart-v1'));
  await app.connect(app.handle(`s:${ROUTE}#rule:0`), app.node('Service', 'default', 'cart-v2'));
  await app.expectSaved((t) => t.includes('- name: cart-v1\n          port: 8080') && t.includes('- name: cart-v2\n          port: 8080'), 'two backendRefs');
  await expect(app.edgeLabel('1 · 50 %')).toHaveCount(2);

  // The split, on the edges: 90/10.
  await app.edgeLabel('1 · 50 %').first().click();
  await app.screenshot('edit-05-weight-editor');
  await expectAccessible(page, 'designer: edit-05-weight-editor');
  await page.keyboard.press('Escape');
  await app.setWeight('1 · 50 %', 90);
  await expect(app.edgeLabel('90 · 98.9 %')).toBeVisible();
  await app.setWeight('1 · 1.1 %', 10);
  await expect(app.edgeLabel('90 · 90 %')).toBeVisible();
  await expect(app.edgeLabel('10 · 10 %')).toBeVisible();

  // Matches and a filter in the inspector.
  await app.select('HTTPRoute', 'default', 'httproute');
  await app.fill('spec.rules[0].matches[0].path.value', '/cart');
  await page.getByTestId('add-header-0-0').click();
  await expect(app.field('spec.rules[0].matches[0].headers[0].name')).toHaveValue('x-canary');
  await app.fill('spec.rules[0].matches[0].headers[0].value', '1');
  await page.getByTestId('add-filter-0').selectOption('RequestHeaderModifier');
  await expect(app.field('spec.rules[0].filters[0].requestHeaderModifier.set[0].name')).toHaveValue('x-route');
  await app.fill('spec.rules[0].timeouts.request', '10s');
  await expect(app.node('HTTPRoute', 'default', 'httproute')).toContainText('PathPrefix /cart · x-canary=1');

  const text = await app.expectSaved((t) => t.includes('value: /cart') && t.includes('request: 10s'), 'matches, filter and timeout written');
  expect(text).toContain('headers:\n            - name: x-canary\n              value: "1"');
  expect(text).toContain('type: RequestHeaderModifier');
  expect(text).toContain('weight: 90');
  // The YAML editor shows it live.
  await app.toggleEditor();
  await expect(app.editorLine('sectionName: http').first()).toBeAttached();
  await app.expectNoErrors();
  await page.getByTestId('fit-view').click();
  await app.screenshot('edit-06-designed');
  await expectAccessible(page, 'designer: edit-06-designed');
  expect(app.consoleErrors).toEqual([]);
});

/** A document typed by hand: comments, and keys in an order serialization would not choose. */
const HAND_WRITTEN = `---
# audit log sink, typed by hand: kind first, spec before metadata
kind: Service
apiVersion: v1
spec: {ports: [{name: http, port: 9090}]}   # one port
metadata: {name: audit, namespace: shop}
`;

test('journey 2: edit both ways — YAML weight to the edge, renames that references follow, other documents byte for byte', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await expect(app.edgeLabel('90 · 90 %')).toBeVisible();

  // Type a document by hand at the end of the YAML.
  await app.editorLine('kind: Gateway').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(`\n${HAND_WRITTEN}`);
  await expect(app.node('Service', 'shop', 'audit')).toBeVisible();

  // A weight changed in the YAML: the edge label follows. (Selecting the route shows its YAML.)
  await app.node('HTTPRoute', 'shop', 'cart').click();
  await app.editorLine('weight: 90').first().click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('80');
  await expect(app.edgeLabel('80 · 88.9 %')).toBeVisible();
  const before = await app.expectSaved((t) => t.includes('weight: 80') && t.includes('name: audit'), 'YAML edits saved');
  expect(before).toContain(HAND_WRITTEN.slice(4));

  // Rename the route in the inspector: the YAML follows, the node keeps its place.
  const box = await app.node('HTTPRoute', 'shop', 'cart').boundingBox();
  await app.select('HTTPRoute', 'shop', 'cart');
  await app.rename('basket');
  await expect(app.node('HTTPRoute', 'shop', 'basket')).toBeVisible();
  expect(await app.node('HTTPRoute', 'shop', 'basket').boundingBox()).toEqual(box);
  await expect(app.editorLine('name: basket').first()).toBeVisible();

  // Rename a Service: every backendRef naming it follows.
  await app.select('Service', 'shop', 'cart-v2');
  await app.rename('cart-canary');
  await expect(app.node('Service', 'shop', 'cart-canary')).toBeVisible();
  // …and a weight set on the canvas.
  await app.setWeight('10 · 11.1 %', 20);
  await expect(app.edgeLabel('20 · 20 %')).toBeVisible();

  const after = await app.expectSaved((t) => t.includes('weight: 20') && t.includes('name: cart-canary'), 'canvas edits saved');
  expect(after.match(/- name: cart-canary\n/g)).toHaveLength(2);
  expect(after).not.toContain('cart-v2');
  // Every document the canvas edits did not touch keeps its bytes: comments, quotes, key order.
  const docs = (t: string) => t.split(/^---\n/m);
  const touched = (d: string) => /name: (cart-v2|cart)\n\s+namespace: shop/.test(d) && /kind: (HTTPRoute|Service)/.test(d);
  const kept = docs(before).filter((d) => !touched(d));
  for (const d of kept) expect(docs(after)).toContain(d);
  expect(kept.length).toBe(docs(before).length - 2);
  expect(after).toContain(HAND_WRITTEN.slice(4));
  // The comment above the edited route is kept too (it sits before the document's content).
  expect(after).toContain('# The cart: 90/10 canary, and testers opt in to the canary with a header.\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: basket');
  await app.expectNoErrors();
  await app.screenshot('edit-07-both-ways');
  await expectAccessible(page, 'designer: edit-07-both-ways');
  expect(app.consoleErrors).toEqual([]);
});

test('journey 3: Istio — a Gateway, a VirtualService whose routes keep their order, DestinationRule subsets as backend variants', async ({ page }) => {
  const app = new Designer(page);
  const IGW = ids.istioGateway('default', 'gateway');
  const VS = ids.vs('default', 'virtualservice');
  await app.open();
  await app.newDesign();
  await app.toggleEditor();
  await app.zoomOut();

  await app.drop('IstioGateway', 60, 70);
  await expect(app.node('Gateway', 'default', 'gateway')).toContainText('Istio');
  await app.fill('spec.servers[0].hosts', 'reviews.example.com');
  await app.drop('Service', 700, 160);
  await app.rename('reviews');
  // A DestinationRule: its subsets become rows of the Service its host names.
  await app.drop('DestinationRule', 700, 420);
  await expect(page.getByTestId('related-DestinationRule')).toBeVisible();
  await app.fill('spec.host', 'reviews');
  await expect(app.node('Service', 'default', 'reviews')).toContainText('subset v1');
  await app.select('Service', 'default', 'reviews');
  await page.getByTestId('add-subset').click();
  await expect(app.node('Service', 'default', 'reviews')).toContainText('subset v2 · version=v2');

  // A VirtualService bound to the Gateway's server; its route sends to both subsets.
  await app.drop('VirtualService', 390, 70);
  await expect(app.node('VirtualService', 'default', 'virtualservice')).toBeVisible();
  await app.fill('spec.hosts', 'reviews.example.com');
  // Its first destination, in the form: the reviews host, subset v1.
  await app.fill('spec.http[0].route[0].destination.host', 'reviews');
  await app.fill('spec.http[0].route[0].destination.subset', 'v1');
  await expect(app.node('VirtualService', 'default', 'virtualservice')).not.toContainText('not in this design');
  await app.connect(app.handle(`s:${IGW}#server:http`), app.node('VirtualService', 'default', 'virtualservice'));
  // The second by connecting the route row to the subset row v2.
  const subset = (name: string) => app.node('Service', 'default', 'reviews').getByTestId('node-row').filter({ hasText: `subset ${name}` });
  await app.connect(app.handle(`s:${VS}#rule:http:0`), subset('v2'));
  await expect(app.edgeLabel('50 · 50 %')).toHaveCount(2);
  await app.setWeight('50 · 50 %', 90);
  await app.setWeight('50 · 35.7 %', 10);
  await expect(app.edgeLabel('90 · 90 %')).toBeVisible();
  await expect(app.edgeLabel('10 · 10 %')).toBeVisible();

  // A second route for testers, moved first: Istio takes the first route that matches.
  await app.select('VirtualService', 'default', 'virtualservice');
  await page.getByTestId('add-vs-route').click();
  await page.getByTestId('add-vs-header-1').click();
  await app.fill('spec.http[1].name', 'testers');
  const rows = app.node('VirtualService', 'default', 'virtualservice').getByTestId('node-row');
  await expect(rows.nth(1)).toContainText('x-canary=true');
  await page.getByTestId('vs-route-up-1').click();
  await expect(rows.nth(0)).toContainText('testers');
  await expect(rows.nth(0)).toContainText('x-canary=true');
  await expect(page.getByTestId('vs-route-0')).toContainText('1. testers');

  const first = (t: string) => t.indexOf('name: testers') > 0 && t.indexOf('name: testers') < t.indexOf('subset: v1');
  const text = await app.expectSaved(first, 'the testers route comes first in the YAML');
  expect(text).toMatch(/gateways:\n\s+- mesh\n\s+- gateway/);
  expect(text).toMatch(/host: reviews\n\s+subset: v1\n\s+weight: 90/);
  await app.toggleEditor();
  await app.expectNoErrors();
  await page.getByTestId('fit-view').click();
  await app.screenshot('edit-08-istio');
  await expectAccessible(page, 'designer: edit-08-istio');
  await page.getByTestId('toggle-theme').click();
  await app.select('VirtualService', 'default', 'virtualservice');
  await app.screenshot('edit-09-istio-dark');
  await expectAccessible(page, 'designer: edit-09-istio-dark');
  expect(app.consoleErrors).toEqual([]);
});

test('journey 4: mesh — an HTTPRoute whose parent is a Service (GAMMA) is drawn attached to the Service', async ({ page }) => {
  const app = new Designer(page);
  const REVIEWS = ids.service('default', 'reviews');
  await app.open();
  await app.newDesign();
  await app.toggleEditor();
  await app.zoomOut();
  await app.drop('Service', 60, 120);
  await app.rename('reviews');
  await app.drop('HTTPRoute', 390, 70);
  await app.rename('reviews-canary');
  await app.drop('Service', 720, 200);
  await app.rename('reviews-v2');

  // From the Service's port to the route: a parentRef to the Service, not to a Gateway.
  await app.connect(app.handle(`s:${REVIEWS}#port:http`), app.node('HTTPRoute', 'default', 'reviews-canary'));
  await app.connect(app.handle(`s:${ids.route('default', 'reviews-canary')}#rule:0`), app.node('Service', 'default', 'reviews-v2'));
  const text = await app.expectSaved((t) => t.includes('kind: Service\n      name: reviews'), 'a Service parentRef');
  expect(text).toMatch(/parentRefs:\n\s+- group: ""\n\s+kind: Service\n\s+name: reviews\n\s+port: 8080/);
  await app.select('HTTPRoute', 'default', 'reviews-canary');
  await expect(page.getByTestId('parent-ref')).toContainText('Service reviews · port 8080 (mesh)');
  await expect(page.getByTestId('inspector')).toContainText('← Service default/reviews');
  await expect(page.locator('.react-flow__edge-path.rd-edge-attach')).toHaveCount(1);
  await expect(page.locator('[data-testid^="node-Gateway"]')).toHaveCount(0);
  await app.toggleEditor();
  await app.expectNoErrors();
  await page.getByTestId('fit-view').click();
  await app.screenshot('edit-10-mesh');
  await expectAccessible(page, 'designer: edit-10-mesh');
  expect(app.consoleErrors).toEqual([]);
});

test('tools: delete (clean up or flag), undo/redo across canvas and YAML, find, refusal while broken, review mode, autosave across a reload', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  const cartV1 = app.node('Service', 'shop', 'cart-v1');
  await expect(app.edgeLabel('90 · 90 %')).toBeVisible();

  // Delete asks how, showing what will change; "keep" leaves a broken reference, drawn red.
  await app.select('Service', 'shop', 'cart-v1');
  await page.keyboard.press('Delete');
  const dialog = page.getByTestId('confirm-delete');
  await expect(dialog).toContainText('Delete Service shop/cart-v1?');
  await expect(dialog.getByTestId('delete-change').first()).toContainText('HTTPRoute shop/cart spec.rules[1].backendRefs[0].name — removed');
  await app.screenshot('edit-11-delete-dialog');
  await expectAccessible(page, 'designer: edit-11-delete-dialog');
  await dialog.getByTestId('delete-keep').click();
  await expect(cartV1).toContainText('not in this design');

  // Undo (Ctrl+Z) brings it back; redo (Ctrl+Shift+Z) deletes it again; undo once more.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 400 } });
  await page.keyboard.press('Control+z');
  await expect(cartV1).not.toContainText('not in this design');
  await page.keyboard.press('Control+Shift+z');
  await expect(cartV1).toContainText('not in this design');
  await page.keyboard.press('Control+y');
  await page.keyboard.press('Control+z');
  await expect(cartV1).not.toContainText('not in this design');

  // "Clean up" removes the backendRef: the rest of the split takes everything.
  await app.select('Service', 'shop', 'cart-v1');
  await page.getByTestId('inspector-delete').click();
  await page.getByTestId('delete-clean-up').click();
  await expect(cartV1).toHaveCount(0);
  await expect(app.edgeLabel('10 · 100 %')).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Undo: Delete Service cart-v1 and its references/);
  await page.getByTestId('undo').click();
  await expect(app.edgeLabel('90 · 90 %')).toBeVisible();

  // A YAML edit is undone and redone from the editor with the same keys, in the same history.
  await app.node('HTTPRoute', 'shop', 'cart').click();
  await app.editorLine('weight: 90').first().click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('5');
  await expect(app.edgeLabel('95 · 90.5 %')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(app.edgeLabel('90 · 90 %')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(app.edgeLabel('95 · 90.5 %')).toBeVisible();

  // Find (Ctrl+F) a resource by name: Enter selects it and brings it into view.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 400 } });
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('storef');
  await expect(page.getByTestId('find-result')).toHaveCount(2);
  await app.screenshot('edit-12-find');
  await expectAccessible(page, 'designer: edit-12-find');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-box')).toBeHidden();
  await expect(page.getByTestId('inspector-name')).toHaveValue('storefront');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('inspector-name')).toBeHidden();

  // While the YAML is broken, a canvas edit is refused, saying why; the text is kept as typed.
  await app.node('HTTPRoute', 'shop', 'cart').click();
  await app.editorLine('weight: 95').first().click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('stale-banner')).toBeVisible();
  const broken = await app.expectSaved((t) => t.includes('weight 95'), 'the broken text is saved as typed');
  await app.drop('Service', 60, 500);
  await expect(page.getByTestId('edit-notice')).toContainText('The YAML has errors');
  await app.screenshot('edit-13-refused');
  await expectAccessible(page, 'designer: edit-13-refused');
  expect(await app.savedText()).toBe(broken);
  await app.editorLine('weight 95').first().click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('stale-banner')).toBeHidden();

  // Review mode: no palette, names not editable, Delete refused.
  await page.getByTestId('toggle-review').click();
  await expect(page.getByTestId('palette')).toBeHidden();
  await app.node('Service', 'shop', 'catalog').click();
  await expect(page.getByTestId('inspector-name')).toBeHidden();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('edit-notice')).toContainText('Review mode');
  await expect(app.node('Service', 'shop', 'catalog')).toBeVisible();
  await page.getByTestId('toggle-review').click();

  // Autosave: the text and the layout survive a reload (the example does not come back).
  await app.select('Service', 'shop', 'catalog');
  await app.rename('catalog-api');
  const moved = app.node('Service', 'shop', 'catalog-api');
  const box = await moved.boundingBox();
  if (!box) throw new Error('no node');
  await page.mouse.move(box.x + 60, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + 140, { steps: 8 });
  await page.mouse.up();
  const flowPosition = () => page.locator(`.react-flow__node[data-id="${ids.service('shop', 'catalog-api')}"]`).evaluate((el) => (el as HTMLElement).style.transform);
  const placed = await flowPosition();
  const saved = await app.expectSaved((t) => t.includes('name: catalog-api'), 'the rename is saved');
  await page.waitForTimeout(600); // the layout is saved, debounced
  await page.reload();
  await expect(app.node('Service', 'shop', 'catalog-api')).toBeVisible();
  await expect(app.node('Service', 'shop', 'catalog')).toHaveCount(0);
  expect(await flowPosition()).toBe(placed);
  expect(await app.savedText()).toBe(saved);
  await app.screenshot('edit-14-restored');
  await expectAccessible(page, 'designer: edit-14-restored');
  expect(app.consoleErrors).toEqual([]);
});
