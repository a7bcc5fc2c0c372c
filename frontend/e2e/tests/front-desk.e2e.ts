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

  test('shows an active restriction before check-in and keeps the written override', async ({
    page,
    signIn,
  }, testInfo) => {
    await openBoard(page, signIn);
    const shelter = await shelterId(page, COORDINATOR_SHELTER);
    const csrf = (await page.context().cookies()).find((c) => c.name === 'acimtl_csrf')!.value;
    const headers = { 'x-csrf-token': csrf };
    const familyName = unique(testInfo, 'Barre');
    const client = await (
      await page.request.post('/api/clients', {
        data: { givenName: 'Luc', familyName, shelterId: shelter },
        headers,
      })
    ).json();
    const restricted = await page.request.post(`/api/clients/${client.id}/restrictions`, {
      data: {
        shelterId: shelter,
        category: 'threats',
        description: 'Menaces envers le personnel de nuit',
        startsOn: '2026-01-01',
        endsOn: '2099-12-31',
      },
      headers,
    });
    expect(restricted.status()).toBe(201);

    await bedCards(page, 'available')
      .first()
      .getByRole('button', { name: /Admettre/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom ou surnom').fill(`Luc ${familyName}`);
    await dialog
      .getByTestId('client-match')
      .filter({ hasText: familyName })
      .getByRole('button', { name: /Choisir/ })
      .click();

    const warning = dialog.getByTestId('restriction-warning');
    await expect(warning).toContainText('Menaces envers le personnel de nuit');
    await checkScreen(page, testInfo, 'check-in-restriction');
    await dialog.getByRole('button', { name: 'Admettre malgré la restriction' }).click();
    await expect(warning).toContainText('Au moins 10 caractères.');
    await dialog
      .getByLabel("Pourquoi l'admettre malgré tout ?")
      .fill('Entente écrite avec la coordonnatrice ce soir');
    await dialog.getByRole('button', { name: 'Admettre malgré la restriction' }).click();

    await expect(page.getByRole('dialog')).toHaveCount(0);
    const stays = await (await page.request.get(`/api/clients/${client.id}/stays`)).json();
    expect(stays[0].restrictionOverride).toBe('Entente écrite avec la coordonnatrice ce soir');
    const bed = page.getByTestId('bed').filter({ hasText: `Luc ${familyName}` });
    await bed.getByRole('button', { name: /Départ/ }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Motif du départ' }).click();
    await page.getByRole('option', { name: 'Exclu' }).click();
    await page.getByRole('dialog').getByTestId('confirm-check-out').click();
    await expect(page.getByTestId('bed').filter({ hasText: `Luc ${familyName}` })).toHaveCount(0);
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
    await page
      .getByRole('dialog')
      .getByRole('radio', { name: /Une référence/ })
      .check();
    await page.getByRole('dialog').getByLabel('Réservé pour (nom ou référence)').fill(name);
    await page.getByRole('dialog').getByRole('button', { name: 'Réserver le lit' }).click();

    const held = page.getByTestId('bed').filter({ hasText: name });
    await expect(held).toContainText('Réservé');
    await checkScreen(page, testInfo, 'board');

    await held.getByRole('button', { name: /Libérer/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Libérer' }).click();
    await expect(page.getByTestId('bed').filter({ hasText: name })).toHaveCount(0);
  });

  test('holds a bed for a client on file, found by a search', async ({
    page,
    signIn,
  }, testInfo) => {
    await openBoard(page, signIn);
    await bedCards(page, 'available')
      .first()
      .getByRole('button', { name: /Réserver/ })
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('radio', { name: 'Une personne inscrite' })).toBeChecked();
    await dialog.getByLabel('Nom ou surnom').fill('marc cote');
    await dialog
      .getByTestId('client-match')
      .filter({ hasText: 'Marc Côté' })
      .getByRole('button', { name: /Choisir/ })
      .click();
    await expect(dialog.getByTestId('hold-picked')).toContainText('Marc Côté');
    await checkScreen(page, testInfo, 'hold-for-client');
    await dialog.getByRole('button', { name: 'Réserver le lit' }).click();

    const held = page
      .getByTestId('bed')
      .filter({ hasText: 'Marc Côté' })
      .and(page.locator('.held'));
    await expect(held).toContainText('Réservé');

    await held.getByRole('button', { name: /Libérer/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Libérer' }).click();
    await expect(
      page.getByTestId('bed').filter({ hasText: 'Marc Côté' }).and(page.locator('.held')),
    ).toHaveCount(0);
  });

  test('works with the keyboard alone: open a check-in, search, and back out', async ({
    page,
    signIn,
  }) => {
    await openBoard(page, signIn);
    const checkIn = bedCards(page, 'available')
      .first()
      .getByRole('button', { name: /Admettre/ });
    // The actions wait for the page to run in the browser before they can take the focus.
    await expect(checkIn).toBeEnabled();
    await checkIn.focus();
    await page.keyboard.press('Enter');

    const search = page.getByRole('dialog').getByLabel('Nom ou surnom');
    await expect(search).toBeFocused();
    await page.keyboard.type('helene');
    await expect(page.getByTestId('client-match').first()).toContainText('Hélène');
    await page.keyboard.press('Escape');

    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(checkIn).toBeFocused();
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
