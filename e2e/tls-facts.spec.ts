import { expect, test, type Locator } from '@playwright/test';
import { certificatePem, keyPair, privateKeyPem, tlsSecretYaml } from '../src/testing/certificates';
import { expectAccessible } from './axe';
import { WatchedPage } from './watched-page';

/**
 * TLS facts in the app (issue 13): a pasted Gateway whose HTTPS listener serves cart.example.com
 * with a real certificate (made here) for shop.example.com only. The listener's row and the
 * Problems list say the hostname is not covered; the Secret's inspector shows the certificate's
 * names, validity with days left, issuer and that the key matches; the simulator's answer for
 * https://cart.example.com/ names the certificate served and that it does not cover the name.
 */
const DAY = 86_400_000;
const key = keyPair('ec');
const cert = certificatePem({ cn: 'shop.example.com', dnsNames: ['shop.example.com', 'www.shop.example.com'], notBefore: new Date(Date.now() - 10 * DAY), notAfter: new Date(Date.now() + 120.5 * DAY), key });
const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: default}
spec:
  gatewayClassName: example
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
    hostname: cart.example.com
    tls:
      mode: Terminate
      certificateRefs: [{name: shop-tls}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart, namespace: default}
spec:
  parentRefs: [{name: edge}]
  rules: [{backendRefs: [{name: cart, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: default}
spec: {ports: [{port: 80}]}
---
${tlsSecretYaml('default', 'shop-tls', cert, privateKeyPem(key))}`;


class TlsFacts extends WatchedPage {
  async openWith(text: string): Promise<void> {
    await this.openBlank();
    await this.pasteOnPage(text);
    await expect(this.gateway).toBeVisible();
    await expect(this.page.getByLabel('Checking')).toHaveCount(0);
  }

  get gateway(): Locator {
    return this.node('Gateway', 'default', 'edge');
  }

  async screenshotBoth(name: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      const theme = await this.page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
      await this.page.waitForTimeout(400); // the theme's colour transitions end
      await this.page.screenshot({ path: `e2e/screenshots/tls-facts-${name}-${theme}.png` });
      await expectAccessible(this.page, `tls facts: ${name}, ${theme}`);
      await this.page.getByTestId('toggle-theme').click();
    }
  }
}

test.use({ viewport: { width: 1600, height: 1000 } });

test('a certificate that does not cover the listener hostname: on the row, in Problems, in the inspector and the simulator', async ({ page }) => {
  const t = new TlsFacts(page);
  await t.openWith(DESIGN);

  // The listener's row says its hostname is not covered.
  const row = t.gateway.getByTestId('node-row').filter({ hasText: 'https' });
  await expect(row.getByTestId('row-problem')).toContainText('cart.example.com');

  // Problems lists it, with the names the certificate does cover.
  await page.getByTestId('status-problems').click();
  const problem = page.getByTestId('problems').getByTestId('problem').and(page.locator('[data-code="CertificateHostnameNotCovered"]'));
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('shop.example.com, www.shop.example.com');
  await t.screenshotBoth('problems');

  // The Secret's inspector: names, validity with days left, issuer, the key matches.
  await t.node('Secret', 'default', 'shop-tls').click();
  await page.getByTestId('tab-inspector').click();
  const facts = page.getByTestId('secret-facts');
  await expect(facts.getByTestId('certificate-names')).toHaveText('shop.example.com, www.shop.example.com');
  await expect(facts.getByTestId('certificate-validity')).toContainText('120 days left');
  await expect(facts).toContainText('CN=shop.example.com (self-signed)');
  await expect(facts.getByTestId('key-match')).toHaveText('matches the certificate');
  await t.screenshotBoth('inspector');

  // The simulator names the certificate served for the SNI.
  await page.getByTestId('tab-simulator').click();
  await page.getByTestId('sim-url').fill('https://cart.example.com/');
  await page.getByTestId('sim-send').click();
  await expect(page.getByTestId('sim-certificate')).toContainText('Secret default/shop-tls');
  await expect(page.getByTestId('sim-certificate')).toContainText('does not cover cart.example.com');
  await t.screenshotBoth('simulator');

  expect(t.consoleErrors).toEqual([]);
  expect(t.foreignRequests).toEqual([]);
});
