import { expect, test } from '@playwright/test';
import { generatePeerDesign } from '../src/bench/generate-peer';
import { Designer } from './designer-kit';

/**
 * Backends the design lacks, grouped (issue 15): the peer's shape — every route sends to a Service
 * the text does not hold — draws one "Not in this design" card per namespace, a row per Service,
 * instead of one placeholder each. Find and the inspector's links reach a missing Service on its
 * card, and the simulator lights its row.
 */
test('missing backends: one card per namespace, Find lands on the row, the simulator lights it', async ({ page }) => {
  const app = new Designer(page);
  // 12 routes over 4 namespaces: 3 missing Services in each, the least that is grouped.
  await app.openDesign(generatePeerDesign(12).text);
  await app.toggleEditor();
  await expect(page.locator('[data-layout="settled"]')).toHaveCount(1, { timeout: 30_000 });

  // Find a missing Service by its name: its card is selected and brought into view, its row picked out.
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByTestId('find-input').fill('svc-3');
  await expect(page.getByTestId('find-result')).toHaveText([/svc-3.*team-d.*not in this design/s]);
  await page.getByTestId('find-input').press('Enter');
  const card = app.node('Service', 'team-d', 'Not in this design');
  await expect(card).toBeVisible();
  await expect(card).toContainText('3 Services missing from this design');
  await expect(card.getByTestId('node-row')).toHaveText(['svc-3', 'svc-7', 'svc-11']);
  await expect(card.locator('.rd-row.is-picked')).toHaveText('svc-3');
  // The inspector says why each is missing.
  await expect(page.getByTestId('inspector')).toContainText('Service team-d/svc-3 is not in this design');
  await page.screenshot({ path: 'e2e/screenshots/missing-group-find.png' });

  // From a route's inspector, its link to a missing Service names it and picks out its row.
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByTestId('find-input').fill('route-7');
  await page.getByTestId('find-input').press('Enter');
  await expect(app.node('HTTPRoute', 'team-d', 'route-7')).toHaveClass(/is-selected/);
  await page.getByTestId('inspector').getByRole('button', { name: '→ Service team-d/svc-7' }).first().click();
  await expect(card.locator('.rd-row.is-picked')).toHaveText('svc-7');

  // route-3 (gw-0, the simulator's default Gateway) sends /api to svc-3: the card and its row light up.
  await page.getByTestId('tab-simulator').click();
  await page.getByTestId('sim-url').fill('http://app-3.example.com:8080/api');
  await page.getByTestId('sim-send').click();
  await expect(page.getByTestId('sim-status')).toContainText('500');
  await expect(card).toHaveClass(/is-lit/);
  await expect(card.locator('.rd-row.is-lit')).toHaveText('svc-3');
  await expect(app.node('Service', 'team-a', 'Not in this design')).toHaveClass(/is-dim/);
  await page.screenshot({ path: 'e2e/screenshots/missing-group-simulated.png' });

  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
