import { checkScreen, expect, shelterId, test } from '../support/accounts.ts';

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

  test('the shelter registry renames a room and edits a bed', async ({
    page,
    signIn,
  }, testInfo) => {
    const room = `Salle ${testInfo.project.name} ${Date.now() % 100000}`;
    const bed = `S-${Date.now() % 100000}`;
    await signIn('admin');
    await page.goto('/admin/shelters');
    await expect(page.getByRole('button', { name: 'Ajouter une pièce' })).toBeEnabled();

    await page.getByRole('button', { name: 'Ajouter une pièce' }).click();
    await page.getByRole('dialog').getByLabel('Nom de la pièce').fill(`${room} (brouillon)`);
    await page.getByRole('dialog').getByRole('button', { name: 'Ajouter' }).click();
    const draft = page.getByRole('region', { name: `${room} (brouillon)` });
    await expect(draft).toBeVisible();

    await draft.getByRole('button', { name: /Renommer/ }).click();
    const rename = page.getByRole('dialog');
    await expect(rename.getByLabel('Nom de la pièce')).toHaveValue(`${room} (brouillon)`);
    await checkScreen(page, testInfo, 'rename-room');
    await rename.getByLabel('Nom de la pièce').fill(room);
    await rename.getByRole('button', { name: 'Enregistrer' }).click();
    const renamed = page.getByRole('region', { name: room, exact: true });
    await expect(renamed).toBeVisible();

    await renamed.getByRole('button', { name: /Ajouter un lit/ }).click();
    await page.getByRole('dialog').getByLabel('Libellé du lit').fill(bed);
    await page.getByRole('dialog').getByRole('button', { name: 'Ajouter' }).click();
    await renamed.getByRole('button', { name: new RegExp(`Modifier — ${bed}`) }).click();
    const edit = page.getByRole('dialog');
    await edit.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Lit de camp' }).click();
    await edit.getByRole('checkbox', { name: 'Accessible' }).check();
    await checkScreen(page, testInfo, 'edit-bed');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(renamed.getByRole('row', { name: new RegExp(bed) })).toContainText(
      'Lit de camp · Accessible',
    );

    await renamed.getByRole('button', { name: /Désactiver/ }).click();
    await expect(page.getByRole('dialog')).toContainText('La pièce et son lit');
    await checkScreen(page, testInfo, 'deactivate-room');
    await page.getByRole('dialog').getByRole('button', { name: 'Désactiver' }).click();
    await expect(
      page.getByRole('heading', { level: 3, name: `${room} (inactif)`, exact: true }),
    ).toBeVisible();
  });

  test('an unknown address', async ({ page, signIn }, testInfo) => {
    await signIn('coordinator');
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
    await checkScreen(page, testInfo, 'not-found');
  });

  test("another shelter's board answers as if it did not exist, and leads home", async ({
    page,
    signIn,
  }, testInfo) => {
    await signIn('coordinator');
    await page.goto(`/shelters/${await shelterId(page, 'Mission Verdun')}/board`);

    // The API answers 404 rather than 403, so as not to confirm what it hides.
    await expect(page.getByRole('alert')).toHaveText(/Ceci n'existe plus, ou n'a jamais existé\./);
    await expect(page.getByRole('link', { name: 'Retour à ce soir' })).toBeVisible();
    await checkScreen(page, testInfo, 'board-forbidden');
  });
});
