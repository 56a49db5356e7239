import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible } from './axe';
import { WatchedPage } from './watched-page';

/**
 * Issue 13, scope 1 in the app — "backend answers …": the simulator is told how the backend
 * answers each try (simulate --backend-status / --backend-delay) and the answer lists each try
 * (status, when it ended, retried and why), then the status the client gets and when.
 * A Gateway API HTTPRoute with timeouts.request 500ms and retry {attempts: 2, codes: [503]}; an
 * Istio VirtualService with timeout 1s and retries {attempts: 3, retryOn: 5xx}, one rule also
 * aborting 10 % of requests (a partial fault: exact probabilities).
 */
const GATEWAY_API = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 80, protocol: HTTP, hostname: shop.example.com, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 8080, name: http}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  hostnames: [shop.example.com]
  rules:
  - timeouts: {request: 500ms}
    retry: {attempts: 2, codes: [503]}
    backendRefs: [{name: cart, port: 8080}]
`;

const ISTIO = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: mesh-edge, namespace: istio-system}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*/orders.example.com"]
---
apiVersion: v1
kind: Service
metadata: {name: orders, namespace: shop}
spec: {ports: [{port: 8080, name: http}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: orders, namespace: shop}
spec:
  hosts: [orders.example.com]
  gateways: [istio-system/mesh-edge]
  http:
  - match: [{uri: {prefix: /pay}}]
    fault: {abort: {percentage: {value: 10}, httpStatus: 500}}
    timeout: 1s
    retries: {attempts: 3, retryOn: 5xx}
    route:
    - destination: {host: orders.shop.svc.cluster.local, port: {number: 8080}}
  - timeout: 1s
    retries: {attempts: 3, retryOn: 5xx}
    route:
    - destination: {host: orders.shop.svc.cluster.local, port: {number: 8080}}
`;


class WhatIf extends WatchedPage {
  async openWith(text: string): Promise<void> {
    await this.openBlank();
    await this.pasteOnPage(text);
    await expect(this.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
    await expect(this.page.getByLabel('Checking')).toHaveCount(0);
  }

  get status(): Locator {
    return this.page.getByTestId('sim-status');
  }

  get attempts(): Locator {
    return this.page.getByTestId('sim-attempt');
  }

  get clientGets(): Locator {
    return this.page.getByTestId('sim-client-gets');
  }

  async send(url: string): Promise<void> {
    await this.page.getByTestId('sim-url').fill(url);
    await this.page.getByTestId('sim-send').click();
  }

  async preset(id: string): Promise<void> {
    await this.page.getByTestId(`sim-backend-preset-${id}`).click();
  }

  async screenshotBoth(name: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      const theme = await this.page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
      await this.page.waitForTimeout(400); // the theme's colour transitions end
      await this.page.screenshot({ path: `e2e/screenshots/what-if-${name}-${theme}.png` });
      await expectAccessible(this.page, `what-if: ${name}, ${theme}`);
      await this.page.getByTestId('toggle-theme').click();
    }
  }
}

test.use({ viewport: { width: 1600, height: 1000 } });

// A failure says what the simulator showed (a failure callout, a stale answer), not only what was missing.
test.afterEach(async ({ page }, info) => {
  if (info.status !== info.expectedStatus) console.log(`simulator on failure: ${await page.getByTestId('simulator').innerText({ timeout: 1000 }).catch(() => '(not shown)')}`);
});

test('backend answers: fails twice → the retries and the final 200; slow → the 504 and when; Istio retries and a partial fault', async ({ page }) => {
  const w = new WhatIf(page);
  await w.openWith(`${GATEWAY_API}---\n${ISTIO}`);
  await page.getByTestId('tab-simulator').click();
  await w.send('http://shop.example.com/');

  // By default every backend answers 200 at once: the answer is as it always was, no tries listed.
  await expect(w.status).toHaveText('200 OK');
  const toggle = page.getByTestId('sim-backend-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('sim-backend-summary')).toHaveText('200 at once');
  await expect(page.getByTestId('sim-attempts')).toHaveCount(0);
  await expect(page.getByTestId('sim-elapsed')).toHaveCount(0);

  // Fails twice: retry codes [503] and 2 retries → the third try's 200 reaches the client.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await w.preset('fails-twice');
  await expect(page.getByTestId('sim-backend-status')).toHaveValue('503,503,200');
  await expect(page.getByTestId('sim-backend-preset-fails-twice')).toHaveAttribute('aria-pressed', 'true');
  await expect(w.attempts).toHaveCount(3);
  await expect(w.status).toHaveText('200 OK');
  await expect(w.attempts.nth(0)).toHaveAttribute('data-retried', 'true');
  await expect(w.attempts.nth(0)).toContainText('attempt 1503ended at 0 msretried503 is in retry codes; retry 1 of 2');
  await expect(w.attempts.nth(1)).toContainText('503 is in retry codes; retry 2 of 2');
  await expect(w.attempts.nth(2)).toHaveAttribute('data-retried', 'false');
  await expect(w.attempts.nth(2)).toContainText('200ended at 0 msto the clientthe answer goes to the client');
  await expect(w.clientGets).toHaveText('The client gets 200 OK after 0 ms');
  // The retry policy's own note is with the tries (backoff unset), not among the other notes.
  await expect(page.getByTestId('sim-try-notes')).toContainText('retry.backoff is not set');
  await expect(page.getByTestId('sim-backend-summary')).toHaveText('503, 503, 200 at once (the last repeats)');
  await w.screenshotBoth('fails-twice');

  // Slow: each try takes 2 s; timeouts.request 500ms spans every try → 504 at 500 ms, not retried.
  await w.preset('slow');
  await expect(w.status).toHaveText('504 Gateway Timeout');
  await expect(page.getByTestId('sim-elapsed')).toHaveText('after 500 ms');
  await expect(w.attempts).toHaveCount(1);
  await expect(w.attempts.nth(0)).toContainText('504ended at 500 msnot retriedtimeouts.request 500ms reached before the backend answered');
  await expect(w.clientGets).toHaveText('The client gets 504 Gateway Timeout after 500 ms');
  await expect(page.getByTestId('sim-outcomes')).toContainText('100 %504after 500 mstimeouts.request 500ms exceeded: the proxy answers 504');
  await w.screenshotBoth('slow');

  // A value that cannot be read is said under its field; the answer waits for it.
  await page.getByTestId('sim-backend-status').fill('50x');
  await expect(page.getByTestId('sim-backend-status-error')).toContainText('"50x" is not an HTTP status');
  await expect(page.getByTestId('sim-backend-status')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('sim-invalid')).toHaveText('No answer until the backend answers above can be read.');
  await expect(page.getByTestId('sim-backend-summary')).toHaveText('cannot be read');
  await page.getByTestId('sim-backend-status').fill('503');
  await expect(page.getByTestId('sim-backend-status-error')).toHaveCount(0);
  await expect(w.status).toHaveText('504 Gateway Timeout');

  // Istio: retries {attempts: 3, retryOn: 5xx} with Envoy's backoff; 10 % of /pay aborted with 500 by the fault, never retried.
  await w.preset('fails-twice');
  await w.send('http://orders.example.com/');
  await expect(page.getByTestId('sim-dialect')).toHaveText('decided by Istio');
  await expect(w.status).toHaveText('200 OK');
  await expect(w.attempts).toHaveCount(3);
  await expect(w.attempts.nth(0)).toContainText('503 matches retryOn 5xx; retry 1 of 3 after a 25 ms backoff');
  await expect(w.attempts.nth(1)).toContainText('ended at 25 ms');
  await expect(w.clientGets).toHaveText('The client gets 200 OK after 100 ms');
  await w.preset('always-503');
  await expect(w.status).toHaveText('503 Service Unavailable');
  await expect(w.attempts).toHaveCount(4);
  await expect(w.attempts.nth(3)).toContainText('not retried503 matches retryOn 5xx, but no retries are left (3 of 3 used)');
  await expect(w.clientGets).toHaveText('The client gets 503 Service Unavailable after 275 ms');

  await page.getByTestId('sim-backend-status').fill('503,200');
  await w.send('http://orders.example.com/pay');
  const outcomes = page.getByTestId('sim-outcome');
  await expect(outcomes).toHaveCount(2);
  await expect(outcomes.nth(0)).toContainText('10 %500after 0 msfault injection: abort 10%');
  // The proxy answers an abort itself: no try is listed for it.
  await expect(outcomes.nth(0).locator('summary')).toHaveCount(0);
  await expect(outcomes.nth(1)).toContainText('90 %200after 25 ms');
  await outcomes.nth(1).locator('summary').click();
  await expect(outcomes.nth(1).getByTestId('sim-attempt')).toHaveCount(2);
  await expect(w.clientGets).toHaveText('The client gets 200 OK after 25 ms (the most probable outcome)');
  await w.screenshotBoth('istio-fault');

  // Slow behind Istio's timeout 1s.
  await w.preset('slow');
  await w.send('http://orders.example.com/');
  await expect(w.status).toHaveText('504 Gateway Timeout');
  await expect(page.getByTestId('sim-elapsed')).toHaveText('after 1.0 s');
  await expect(w.attempts.nth(0)).toContainText('timeout 1s reached before the backend answered');

  // Save as test: the case carries the behaviour (backendStatus/backendDelay) and holds when the tests run it.
  await page.getByTestId('sim-save-test').click();
  await expect(page.getByTestId('sim-save-status')).toHaveText(/^Saved as test 1 · holds/);
  await page.getByTestId('tab-tests').click();
  await page.getByTestId('tests-edit-yaml').click();
  await expect(page.getByTestId('tests-yaml')).toHaveValue(/request: GET http:\/\/orders\.example\.com\/\n\s+backendDelay: 2s\n\s+expect:\n\s+status: 504/);
  await page.getByTestId('tests-edit-yaml').click();
  await page.getByTestId('tab-simulator').click();

  // Back to 200 at once: the answer is as without a behaviour.
  await expect(page.getByTestId('sim-backend-summary')).toHaveText('200 after 2.0 s');
  await page.getByTestId('sim-backend-toggle').click();
  await w.preset('ok');
  await expect(w.status).toHaveText('200 OK');
  await expect(page.getByTestId('sim-attempts')).toHaveCount(0);

  expect(w.consoleErrors).toEqual([]);
  expect(w.foreignRequests).toEqual([]);
});
