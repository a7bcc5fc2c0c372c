import type { Page } from '@playwright/test';
import {
  COORDINATOR_SHELTER,
  checkScreen,
  shelterId,
  unique,
  expect,
  test,
} from '../support/accounts.ts';

async function openBoard(page: Page, signIn: (account: 'coordinator') => Promise<void>) {
  await signIn('coordinator');
  await page.goto(`/shelters/${await shelterId(page, COORDINATOR_SHELTER)}/board`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(COORDINATOR_SHELTER);
}

function bedCards(page: Page, status: string) {
  return page.getByTestId('bed').and(page.locator(`.${status}`));
}

test.describe('the front desk', () => {
  test('checks a new client in after a search that finds nobody, then out', async ({
    page,
    signIn,
  }, testInfo) => {
    const familyName = unique(testInfo, 'Essai');
    await openBoard(page, signIn);
    const bed = bedCards(page, 'available').first();
    const label = (await bed.locator('.label').textContent())!.trim();

    await bed.getByRole('button', { name: /Admettre/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom ou surnom').fill(`Zoé ${familyName}`);
    await expect(dialog.getByText(/Aucun dossier ne correspond/)).toBeVisible();
    await checkScreen(page, testInfo, 'check-in-search');

    await dialog.getByRole('button', { name: 'Absente de la liste : créer un dossier' }).click();
    await expect(dialog.getByLabel('Prénom')).toHaveValue('Zoé');
    await expect(dialog.getByLabel('Nom de famille')).toHaveValue(familyName);
    await dialog.getByRole('button', { name: 'Créer et continuer' }).click();
    await expect(dialog.getByText(`Admettre Zoé ${familyName} au lit ${label} ?`)).toBeVisible();
    await dialog.getByTestId('confirm-check-in').click();

    await expect(page.getByRole('dialog')).toHaveCount(0);
    const occupied = page.getByTestId('bed').filter({ hasText: `Zoé ${familyName}` });
    await expect(occupied).toContainText('Occupé');

    await occupied.getByRole('button', { name: /Départ/ }).click();
    const checkOut = page.getByRole('dialog');
    await checkOut.getByTestId('confirm-check-out').click();
    await expect(checkOut.getByText('Obligatoire.')).toBeVisible();
    await checkOut.getByRole('combobox', { name: 'Motif du départ' }).click();
    await page.getByRole('option', { name: 'Logé' }).click();
    await checkOut.getByTestId('confirm-check-out').click();

    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('bed').filter({ hasText: `Zoé ${familyName}` })).toHaveCount(0);
  });

  test('finds a record spelled without its accents before offering to create one', async ({
    page,
    signIn,
  }) => {
    await openBoard(page, signIn);
    await bedCards(page, 'available')
      .first()
      .getByRole('button', { name: /Admettre/ })
      .click();
    await page.getByRole('dialog').getByLabel('Nom ou surnom').fill('helene tremblai');

    await expect(page.getByTestId('client-match').first()).toContainText('Hélène Tremblay');
  });

  test('holds a bed for someone on their way, then releases it after asking', async ({
    page,
    signIn,
  }, testInfo) => {
    const name = unique(testInfo, 'Référence ');
    await openBoard(page, signIn);
    await bedCards(page, 'available')
      .first()
      .getByRole('button', { name: /Réserver/ })
      .click();
    await page.getByRole('dialog').getByLabel('Réservé pour (nom ou référence)').fill(name);
    await page.getByRole('dialog').getByRole('button', { name: 'Réserver le lit' }).click();

    const held = page.getByTestId('bed').filter({ hasText: name });
    await expect(held).toContainText('Réservé');
    await checkScreen(page, testInfo, 'board');

    await held.getByRole('button', { name: /Libérer/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Libérer' }).click();
    await expect(page.getByTestId('bed').filter({ hasText: name })).toHaveCount(0);
  });

  test('shows the city-wide availability, filtered by need', async ({ page, signIn }, testInfo) => {
    await signIn('coordinator');
    await page.goto('/');
    await expect(page.getByTestId('availability-row')).toHaveCount(5);
    await checkScreen(page, testInfo, 'tonight');

    await page.getByRole('option', { name: 'Familles' }).click();

    await expect(page.getByTestId('availability-row')).toHaveCount(1);
    await expect(page.getByTestId('availability-row')).toContainText('Le Pont Familles Rosemont');
  });
});
