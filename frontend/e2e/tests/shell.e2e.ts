import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('the shell and the status page', () => {
  test('renders on the server, in French, with the API healthy', async ({ request }) => {
    const response = await request.get('/status');
    const html = await response.text();

    expect(response.status()).toBe(200);
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain("L'API est en service.");
    expect(html).toContain('Base de données');
  });

  test('shows every dependency as up once hydrated', async ({ page }) => {
    await page.goto('/status');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('État du système');
    await expect(page.getByTestId('api-status')).toHaveText("L'API est en service.");
    await expect(page.locator('li.up')).toHaveCount(3);
  });

  test('switches every string to English and remembers the choice', async ({ page }) => {
    await page.goto('/status');
    await page.getByRole('radio', { name: 'English' }).click();

    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('System status');
    await expect(page.getByTestId('api-status')).toHaveText('The API is up.');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('System status');
  });

  test('can be used with the keyboard alone, starting from the skip link', async ({ page }) => {
    await page.goto('/status');
    await page.keyboard.press('Tab');

    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('has no accessibility violations', async ({ page }, testInfo) => {
    await page.goto('/status');
    await expect(page.getByTestId('api-status')).toBeVisible();

    const results = await new AxeBuilder({ page }).analyze();
    await page.screenshot({ path: testInfo.outputPath('status.png'), fullPage: true });

    expect(results.violations).toEqual([]);
  });
});
