import { expect, test } from '@playwright/test';
import { Designer } from './io-designer';

/**
 * Issue 13, scope 3 — the mesh request's destination vs its Host header, in the app: the Service the
 * URL names takes the request (GAMMA routes attach to it: conformance MeshFrontendHostname), a Host
 * header naming another Service is what routes match and what the backend receives; the answer
 * shows both apart.
 */
const ECHO = ['echo-v1', 'echo-v2'].map((n) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${n}, namespace: mesh}\nspec: {ports: [{port: 80, name: http}]}\n`).join('---\n');
const DESIGN = `${ECHO}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: echo-v2, namespace: mesh}
spec:
  parentRefs: [{group: "", kind: Service, name: echo-v2, port: 80}]
  rules:
  - filters: [{type: ResponseHeaderModifier, responseHeaderModifier: {set: [{name: X-Header-Set, value: set}]}}]
    backendRefs: [{name: echo-v2, port: 80}]
`;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a mesh request goes to the Service its URL names; a different Host header is shown apart', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.paste(DESIGN);
  await expect(app.node('HTTPRoute', 'mesh', 'echo-v2')).toBeVisible();
  await page.getByTestId('tab-simulator').click();
  await page.getByTestId('sim-mode-mesh').click();
  await page.getByTestId('sim-from').fill('mesh/client');
  await page.getByTestId('sim-add-header').click();
  await page.getByTestId('sim-header-name').fill('Host');
  await page.getByTestId('sim-header-value').fill('echo-v1');
  await page.getByTestId('sim-url').fill('http://echo-v2/');
  await page.getByTestId('sim-send').click();

  await expect(page.getByTestId('sim-status')).toContainText('200');
  const address = page.getByTestId('sim-mesh-address');
  await expect(address).toContainText('sent to Service mesh/echo-v2');
  await expect(address).toContainText('Host: echo-v1');
  await expect(page.getByTestId('sim-backend')).toHaveAttribute('data-name', 'echo-v2');
  await expect(page.getByTestId('sim-response-headers')).toContainText('x-header-set: set');
  await expect(page.getByTestId('sim-forwarded-url')).toContainText('http://echo-v1/');

  // The other way round: echo-v1 has no route, so the request reaches it untouched.
  await page.getByTestId('sim-header-value').fill('echo-v2');
  await page.getByTestId('sim-url').fill('http://echo-v1/');
  await page.getByTestId('sim-send').click();
  await expect(page.getByTestId('sim-mesh-address')).toContainText('sent to Service mesh/echo-v1');
  await expect(page.getByTestId('sim-backend')).toHaveAttribute('data-name', 'echo-v1');
  await expect(page.getByTestId('sim-response-headers')).toHaveCount(0);

  // Without a Host header there is nothing to tell apart.
  await page.getByTestId('sim-remove-header').click();
  await page.getByTestId('sim-send').click();
  await expect(page.getByTestId('sim-backend')).toHaveAttribute('data-name', 'echo-v1');
  await expect(page.getByTestId('sim-mesh-address')).toHaveCount(0);
});
