import { expect, test } from '@playwright/test';

test('opens on the embedded example', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Route Designer' })).toBeVisible();
  await expect(page.getByTestId('resource').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/open.png' });
});
