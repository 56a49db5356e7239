import { expect, test } from '@playwright/test';
import { Designer } from './io-designer';

/**
 * Export for the design's target (issue 14 scope 5): with Gateway API v1.4 standard picked in the
 * toolbar, the export dialog says which target it writes for; as is, the experimental-only
 * `retry` and the 308 redirect (303/307/308 arrive in v1.5) are refused in its loss report and left
 * out of the file; the TCPRoute (standard channel from v1.6) is left out whole. Back to the
 * default target, as is is the editor's text again, byte for byte.
 */
const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: edge
  listeners:
  - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /old}}]
    filters: [{type: RequestRedirect, requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}, statusCode: 308}}]
  - retry: {attempts: 2, codes: [503]}
    backendRefs: [{name: web, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules: [{backendRefs: [{name: db, port: 5432}]}]
`;

test('export as is and converted for the target picked in the toolbar, its refusals in the loss report', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  await app.newDesign();
  await app.paste(DESIGN);
  await expect(app.node('HTTPRoute', 'shop', 'shop')).toBeVisible();

  await page.getByTestId('toolbar-target').click();
  await page.getByTestId('target-release').selectOption('v1.4');
  await page.getByTestId('target-channel-standard').check();
  await page.getByTestId('target-apply').click();
  await expect(page.getByTestId('target-dialog')).toBeHidden();

  await app.openExport();
  await expect(page.getByTestId('export-dialect-as-is')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('export-target')).toHaveText('for Gateway API v1.4.1 standard');
  const refused = page.locator('[data-testid="loss-entry"][data-code="NotInTargetRelease"]');
  await expect(refused).toHaveCount(2);
  await expect(refused.filter({ hasText: 'spec.rules[1].retry' })).toContainText('the experimental channel from v1.2.0');
  await expect(refused.filter({ hasText: 'statusCode' })).toContainText('from v1.5.0');
  await expect(page.locator('[data-testid="loss-entry"][data-code="KindNotInTarget"]')).toContainText('TCPRoute shop/db');
  const file = (await app.download(page.getByTestId('export-download'))).bytes.toString('utf8');
  expect(file).toContain('kind: HTTPRoute');
  expect(file).not.toMatch(/retry|statusCode|TCPRoute/);

  // Converted to Istio, the Gateway API objects passed through are fitted too (none here): the target is named.
  await page.getByTestId('export-dialect-istio').click();
  await expect(page.getByTestId('export-target')).toHaveText('for Gateway API v1.4.1 standard');
  await expect(page.getByTestId('export-converted')).toContainText('kind: VirtualService');
  await page.keyboard.press('Escape');

  // The default target: as is is the editor's text, byte for byte, and no target is named.
  await page.getByTestId('toolbar-target').click();
  await page.getByTestId('target-default').click();
  await page.getByTestId('target-apply').click();
  await app.openExport();
  await expect(page.getByTestId('export-target')).toHaveCount(0);
  await expect(page.getByTestId('export-preview')).toContainText('kind: TCPRoute');
  expect((await app.download(page.getByTestId('export-download'))).bytes.toString('utf8')).toBe(DESIGN);
  app.checkClean();
});
