import { expect, test } from '@playwright/test';
import { Designer } from './designer-kit';
import { expectAccessible } from './axe';

/**
 * DESIGN.md: "a design of 1,000 routes still navigable (find, focus, collapse a namespace)". A
 * namespace collapses into one node that keeps the edges crossing it; it stays collapsed across a
 * reload; finding an object inside opens it again.
 */
test('namespaces: collapse one into a single node, keep it across a reload, find opens it again', async ({ page }) => {
  const app = new Designer(page);
  await app.open();
  const cart = app.node('HTTPRoute', 'shop', 'cart');
  await expect(cart).toBeVisible();
  await expect(page.getByTestId('group-shop')).toBeVisible();

  await page.getByTestId('collapse-shop').click();
  const folded = page.getByTestId('collapsed-shop');
  await expect(folded).toBeVisible();
  await expect(folded).toContainText('shop');
  await expect(folded.getByTestId('collapsed-holds')).toHaveText(/^[\d,]+ [A-Za-z]+( · [\d,]+ [A-Za-z ]+)*$/);
  await expect(cart).toHaveCount(0);
  await expect(page.getByTestId('group-shop')).toHaveCount(0);
  // The Gateway in infra still reaches into shop: its edges end at the collapsed node.
  await expect(page.locator('.react-flow__edge[data-id*="->collapsed:ns:shop"]').first()).toBeAttached();

  // Inspected, it is the namespace, with the button that opens it.
  await folded.click();
  await expect(page.getByTestId('inspector')).toContainText('collapsed into one node');
  await app.screenshot('ns-01-collapsed');
  await expectAccessible(page, 'namespaces: ns-01-collapsed');

  // A reload restores it collapsed (autosave keeps the view).
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(page.getByTestId('collapsed-shop')).toBeVisible();
  await expect(cart).toHaveCount(0);

  // Finding an object inside opens its namespace and selects it.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 300 } });
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('cart');
  await page.keyboard.press('Enter');
  await expect(cart).toBeVisible();
  await expect(page.getByTestId('collapsed-shop')).toHaveCount(0);
  await expect(page.getByTestId('inspector-name')).toHaveValue('cart');

  // And the node's own button collapses and expands it again.
  await page.getByTestId('collapse-shop').click();
  await page.getByTestId('expand-shop').click();
  await expect(cart).toBeVisible();
  await app.screenshot('ns-02-expanded');
  await expectAccessible(page, 'namespaces: ns-02-expanded');
  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
