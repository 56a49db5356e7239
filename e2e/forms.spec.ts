import { expect, test, type Locator } from '@playwright/test';
import { Designer } from './designer-kit';
import { expectAccessible } from './axe';

/**
 * The inspector's forms for the kinds beyond routes and gateways (ServiceEntry, ReferenceGrant,
 * a VirtualService's TLS routes), moving an object to another namespace with its references
 * following, drops that never hide a node, and the "checking…" state while the validators load.
 */

test('forms: a ServiceEntry and a ReferenceGrant, edited field by field, validated as typed', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await app.toggleEditor();

  await app.drop('ServiceEntry', 80, 80);
  await expect(app.node('ServiceEntry', 'default', 'serviceentry')).toBeVisible();
  await expect(page.getByTestId('form-se-ports')).toBeVisible();
  await app.fill('spec.hosts', 'payments.example.com, api.payments.example.com');
  await page.getByTestId('field-spec.resolution').selectOption('STATIC');
  await page.getByTestId('add-se-endpoint').click();
  await expect(app.field('spec.endpoints[0].address')).toHaveValue('192.0.2.1');
  await app.fill('spec.endpoints[0].address', '10.20.0.7');
  await app.fill('spec.endpoints[0].labels', 'zone=eu-1');
  await page.getByTestId('add-se-port').click();
  await expect(app.field('spec.ports[1].number')).toHaveValue('8080');
  await app.fill('spec.ports[1].number', '8443');
  // Hosts are required: clearing them is said as it is typed, and not written.
  await app.field('spec.hosts').fill('');
  await expect(page.getByTestId('field-error').first()).toContainText('spec.hosts is required');
  await expect(page.getByTestId('field-error').first()).toContainText('not applied');
  await app.screenshot('forms-01-service-entry');
  await expectAccessible(page, 'forms: forms-01-service-entry');
  await app.field('spec.hosts').press('Escape');
  await app.expectSaved(
    (t) => /hosts:\n\s+- payments.example.com\n\s+- api.payments.example.com/.test(t) && t.includes('resolution: STATIC') && /- address: 10.20.0.7\n\s+labels:\n\s+zone: eu-1/.test(t) && t.includes('number: 8443'),
    'the ServiceEntry fields are written',
  );

  await app.drop('ReferenceGrant', 520, 80);
  await expect(page.getByTestId('form-grant-from')).toBeVisible();
  await app.fill('spec.from[0].namespace', 'shop');
  await page.getByTestId('field-spec.from[0].kind').selectOption('GRPCRoute');
  await page.getByTestId('add-grant-to').click();
  await expect(page.getByTestId('field-spec.to[1].kind')).toHaveValue('Secret');
  await app.fill('spec.to[1].name', 'shop-cert');
  await app.field('spec.from[0].namespace').fill('Shop!');
  await expect(page.getByTestId('field-error').first()).toContainText('not applied');
  await app.screenshot('forms-02-reference-grant');
  await expectAccessible(page, 'forms: forms-02-reference-grant');
  await app.field('spec.from[0].namespace').press('Escape');
  await app.expectSaved(
    (t) => /- group: gateway.networking.k8s.io\n\s+kind: GRPCRoute\n\s+namespace: shop/.test(t) && /- group: ""\n\s+kind: Secret\n\s+name: shop-cert/.test(t),
    'the ReferenceGrant fields are written, the kind with its group',
  );
  await app.expectNoErrors();
  expect(app.consoleErrors).toEqual([]);
});

test('forms: a VirtualService TLS route — SNI hosts, port, weighted destinations', async ({ page }) => {
  const app = new Designer(page);
  await app.openDesign(TLS_DESIGN);
  await expect(app.node('VirtualService', 'default', 'db')).toBeVisible();
  await app.select('VirtualService', 'default', 'db');
  await expect(page.getByTestId('vs-tls-0')).toContainText('db.example.com :443');
  await page.getByTestId('add-vs-tls').click();
  await expect(page.getByTestId('vs-tls-1')).toBeVisible();
  await app.fill('spec.tls[1].match[0].sniHosts', 'replica.example.com');
  await app.fill('spec.tls[1].match[0].port', '8443');
  await expect(page.getByTestId('vs-tls-1')).toContainText('replica.example.com :8443');
  await page.getByTestId('vs-tls-weight-0-0').fill('75');
  await page.getByTestId('vs-tls-weight-0-0').press('Enter');
  await page.getByTestId('vs-tls-weight-0-1').fill('25');
  await page.getByTestId('vs-tls-weight-0-1').press('Enter');
  await page.getByTestId('vs-tls-down-0').click();
  await expect(page.getByTestId('vs-tls-0')).toContainText('replica.example.com');
  await app.screenshot('forms-03-vs-tls');
  await expectAccessible(page, 'forms: forms-03-vs-tls');
  await app.expectSaved((t) => /sniHosts:\n\s+- replica.example.com/.test(t) && t.indexOf('replica.example.com\n') < t.indexOf('weight: 75') && t.includes('weight: 25'), 'TLS routes edited and reordered');
  expect(app.consoleErrors).toEqual([]);
});

test('namespace: moving a Service to another namespace, references follow or are named', async ({ page }) => {
  const app = new Designer(page);
  await app.openDesign(NAMESPACE_DESIGN);
  await expect(app.node('Service', 'default', 'cart')).toBeVisible();
  await app.select('Service', 'default', 'cart');
  const input = page.getByTestId('inspector-namespace');
  await expect(input).toHaveValue('default');
  await input.fill('Shop');
  await expect(page.getByTestId('field-error')).toContainText('lower-case');
  await input.fill('shop');
  await input.press('Enter');
  await expect(app.node('Service', 'shop', 'cart')).toBeVisible();
  await expect(page.getByTestId('inspector-namespace')).toHaveValue('shop');
  await expect(page.getByTestId('edit-notice')).toContainText('needs a ReferenceGrant in shop');
  await app.screenshot('forms-04-namespace-moved');
  await expectAccessible(page, 'forms: forms-04-namespace-moved');
  await app.expectSaved(
    (t) => /- name: cart\n\s+port: 8080\n\s+namespace: shop/.test(t) && t.includes('host: cart.shop.svc.cluster.local') && /kind: Service\nmetadata:\n\s+name: cart\n\s+namespace: shop/.test(t),
    'the backendRef and the VirtualService destination follow the Service',
  );
  // One step back: everything as it was.
  await page.getByTestId('undo').click();
  await expect(app.node('Service', 'default', 'cart')).toBeVisible();
  expect(app.consoleErrors).toEqual([]);
});

test('drop: objects dropped at the same spot, or added by a click, do not overlap', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await app.toggleEditor();
  // (The first drop lands beside the empty state's card, which takes the pointer.)
  await app.drop('Service', 80, 90);
  await expect(app.node('Service', 'default', 'service')).toBeVisible();
  await app.drop('Service', 80, 90);
  await expect(app.node('Service', 'default', 'service-2')).toBeVisible();
  await app.drop('HTTPRoute', 80, 90);
  await expect(app.node('HTTPRoute', 'default', 'httproute')).toBeVisible();
  // One more by a click on the palette: laid out with the rest, never over a node put by hand.
  await page.getByTestId('palette-Service').click();
  await expect(app.node('Service', 'default', 'service-3')).toBeVisible();
  await expect(page.getByTestId('laying-out')).toHaveCount(0);
  // Moved down by hand (now pinned there), then another by a click: the layout puts the next
  // Service just below where the last one was — here, over it; it goes beside it instead.
  const third = await box(app.node('Service', 'default', 'service-3'));
  await page.mouse.move(third.x + 40, third.y + 12);
  await page.mouse.down();
  await page.mouse.move(third.x + 40, third.y + 12 + third.height + 20, { steps: 6 });
  await page.mouse.up();
  await page.getByTestId('palette-Service').click();
  await expect(app.node('Service', 'default', 'service-4')).toBeVisible();
  await expect(page.getByTestId('laying-out')).toHaveCount(0);
  const nodes = ['service', 'service-2', 'service-3', 'service-4'].map((n) => app.node('Service', 'default', n)).concat(app.node('HTTPRoute', 'default', 'httproute'));
  const boxes = await Promise.all(nodes.map(box));
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(false);
  await app.screenshot('forms-05-drops-apart');
  await expectAccessible(page, 'forms: forms-05-drops-apart');
  expect(app.consoleErrors).toEqual([]);
});

test('checking: the inspector says "checking…" while the validators load, then checks what was typed', async ({ page }) => {
  let release = (): void => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/check-object-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const app = new Designer(page);
  await app.open();
  await app.select('Service', 'shop', 'cart-v1');
  await expect(page.getByTestId('form-checking')).toBeVisible();
  await app.field('spec.ports[0].port').fill('99999');
  await expect(page.getByTestId('field-checking')).toBeVisible();
  await app.screenshot('forms-06-checking');
  await expectAccessible(page, 'forms: forms-06-checking');
  release();
  await expect(page.getByTestId('form-checking')).toBeHidden();
  await expect(page.getByTestId('field-error').first()).toContainText('not applied');
  expect(await app.savedText()).not.toContain('99999');
});

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
};
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const TLS_DESIGN = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: db}
spec:
  hosts: [db.example.com, replica.example.com]
  gateways: [edge]
  tls:
    - match: [{port: 443, sniHosts: [db.example.com]}]
      route:
        - destination: {host: db, port: {number: 5432}}
          weight: 50
        - destination: {host: db-standby, port: {number: 5432}}
          weight: 50
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: ['*.example.com'], tls: {mode: PASSTHROUGH}}]
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec: {ports: [{name: tcp-postgres, port: 5432}]}
---
apiVersion: v1
kind: Service
metadata: {name: db-standby}
spec: {ports: [{name: tcp-postgres, port: 5432}]}
`;

const NAMESPACE_DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  gatewayClassName: istio
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart}
spec:
  parentRefs: [{name: edge}]
  rules: [{backendRefs: [{name: cart, port: 8080}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart-mesh}
spec:
  hosts: [cart.example.com]
  http: [{route: [{destination: {host: cart}}]}]
---
apiVersion: v1
kind: Service
metadata: {name: cart}
spec: {ports: [{name: http, port: 8080}]}
`;
