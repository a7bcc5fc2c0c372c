import { COORDINATOR_SHELTER, checkScreen, unique, expect, test } from '../support/accounts.ts';

test('an admin invites a coordinator, who sets a password and sees only their shelter', async ({
  page,
  browser,
  signIn,
}, testInfo) => {
  const email = `${unique(testInfo, 'nouveau').toLowerCase()}@acimtl.local`;
  await signIn('admin');
  await page.goto('/admin/users');
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  await checkScreen(page, testInfo, 'users');

  await page.getByRole('button', { name: 'Inviter un utilisateur' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Courriel').fill(email);
  await dialog.getByLabel('Prénom').fill('Nadia');
  await dialog.getByLabel('Nom de famille').fill('Roy');
  await dialog.getByRole('combobox', { name: 'Refuges' }).click();
  await page.getByRole('option', { name: COORDINATOR_SHELTER }).click();
  await page.keyboard.press('Escape');
  await checkScreen(page, testInfo, 'invite');
  await dialog.getByRole('button', { name: 'Inviter un utilisateur' }).click();
  const temporaryPassword = (await dialog.getByTestId('temporary-password').textContent())!.trim();
  expect(temporaryPassword.length).toBeGreaterThan(7);
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(page.getByTestId('user-row').filter({ hasText: email })).toContainText('Invité');

  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const newcomer = await context.newPage();
  await newcomer.goto('/sign-in');
  await newcomer.getByLabel('Courriel').fill(email);
  await newcomer.getByLabel('Mot de passe').fill(temporaryPassword);
  await newcomer.getByRole('button', { name: 'Se connecter' }).click();
  await expect(
    newcomer.getByRole('heading', { name: 'Choisissez votre mot de passe' }),
  ).toBeVisible();
  await newcomer
    .getByLabel('Nouveau mot de passe', { exact: true })
    .fill('un mot de passe bien long');
  await newcomer.getByLabel('Confirmez le nouveau mot de passe').fill('un mot de passe bien long');
  await newcomer.getByRole('button', { name: 'Enregistrer et continuer' }).click();

  await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Ce soir');
  const nav = newcomer.getByRole('navigation', { name: 'Principale' });
  await expect(nav.getByRole('link', { name: COORDINATOR_SHELTER })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveCount(5);
  await expect(nav.getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);
  // Every shelter is listed tonight, but only theirs opens a board.
  const boardLinks = newcomer.getByTestId('availability-row').locator('th a');
  await expect(boardLinks).toHaveCount(1);
  await expect(boardLinks).toHaveText(COORDINATOR_SHELTER);

  await newcomer.goto('/admin/users');
  await expect(newcomer.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
  await checkScreen(newcomer, testInfo, 'forbidden');
  await context.close();
});
