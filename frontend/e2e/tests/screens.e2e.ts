import { checkScreen, expect, test } from '../support/accounts.ts';

test.describe('every other screen is accessible and looks finished', () => {
  test('incidents and turnaways: record one and see it listed', async ({
    page,
    signIn,
  }, testInfo) => {
    await signIn('coordinator');
    await page.goto('/incidents');
    await expect(
      page.getByText('Aucun incident sur cette période.').or(page.getByTestId('incident').first()),
    ).toBeVisible();

    await page.getByRole('tab', { name: 'Refus' }).click();
    await page.getByRole('combobox', { name: 'Motif' }).click();
    await page.getByRole('option', { name: 'Aucun lit libre' }).click();
    await page.getByLabel('Orienté vers (facultatif)').fill(`Mission ${testInfo.project.name}`);
    await page.getByRole('button', { name: 'Consigner' }).click();

    await expect(
      page.getByTestId('turnaway').filter({ hasText: `Mission ${testInfo.project.name}` }),
    ).toBeVisible();
    await checkScreen(page, testInfo, 'turnaways');
    await page.getByRole('tab', { name: 'Incidents' }).click();
    await checkScreen(page, testInfo, 'incidents');
  });

  test('the occupancy report shows a chart, a table and a CSV link', async ({
    page,
    signIn,
  }, testInfo) => {
    await signIn('admin');
    await page.goto('/reports/occupancy');
    await expect(page.getByRole('table')).toBeVisible();

    const csv = await page.request.get(
      (await page.getByTestId('csv-download').getAttribute('href'))!,
    );
    expect(csv.headers()['content-type']).toContain('text/csv');
    await checkScreen(page, testInfo, 'occupancy');
  });

  test('the shelter registry', async ({ page, signIn }, testInfo) => {
    await signIn('admin');
    await page.goto('/admin/shelters');
    await expect(page.getByRole('heading', { level: 2 })).not.toHaveCount(0);
    await checkScreen(page, testInfo, 'shelters');
  });

  test('an unknown address', async ({ page, signIn }, testInfo) => {
    await signIn('coordinator');
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await checkScreen(page, testInfo, 'not-found');
  });
});
