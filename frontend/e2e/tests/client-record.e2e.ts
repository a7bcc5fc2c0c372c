import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { checkScreen, expect, test } from '../support/accounts.ts';

// A one-page PDF, small enough to read at a glance.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

async function openProfile(page: Page, q: string, name: string): Promise<void> {
  await page.goto(`/clients?q=${encodeURIComponent(q)}`);
  await page
    .getByTestId('client-match')
    .filter({ hasText: name })
    .getByRole('link', { name: /Ouvrir/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test.describe('a client record', () => {
  test('is found by search and opened, corrected, and shows its stays', async ({
    page,
    signIn,
  }, testInfo) => {
    await signIn('coordinator');
    await page.goto('/clients?q=marc');
    await expect(page.getByTestId('client-match').first()).toBeVisible();
    await checkScreen(page, testInfo, 'clients');

    await openProfile(page, 'marc cote', 'Marc Côté');
    await expect(page.getByRole('region', { name: 'Séjours' }).getByRole('row')).not.toHaveCount(0);
    await checkScreen(page, testInfo, 'client-profile');

    await page.getByRole('button', { name: 'Modifier' }).click();
    await page.getByLabel('Genre').fill(`homme ${testInfo.project.name}`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText(`homme ${testInfo.project.name}`)).toBeVisible();
  });

  test('lists an incident the client was involved in, recorded with them linked', async ({
    page,
    signIn,
  }, testInfo) => {
    const description = `Chute dans l'escalier ${testInfo.project.name} ${Date.now() % 100000}`;
    await signIn('coordinator');
    await page.goto('/incidents');
    const form = page.getByRole('region', { name: 'Consigner un incident' });
    await expect(form.getByRole('button', { name: 'Consigner' })).toBeEnabled();
    await form.getByLabel('Quand').fill('2026-12-01T22:30');
    await form.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Médical' }).click();
    await form.getByRole('combobox', { name: 'Gravité' }).click();
    await page.getByRole('option', { name: 'Moyenne' }).click();
    await form.getByLabel("Ce qui s'est passé").fill(description);
    await form.getByLabel('Nom ou surnom').fill('marc cote');
    await form
      .getByTestId('client-match')
      .filter({ hasText: 'Marc Côté' })
      .getByRole('button', { name: /Ajouter/ })
      .click();
    await expect(form.getByTestId('involved-clients')).toContainText('Marc Côté');
    await checkScreen(page, testInfo, 'incident-with-client');
    await form.getByRole('button', { name: 'Consigner' }).click();
    await expect(page.getByText('Consigné.')).toBeVisible();

    await openProfile(page, 'marc cote', 'Marc Côté');
    const incidents = page.getByRole('region', { name: 'Incidents' });
    await expect(
      incidents.getByTestId('client-incident').filter({ hasText: description }),
    ).toBeVisible();
    await checkScreen(page, testInfo, 'client-profile-incidents');
  });

  test('takes a document by file, lists it, downloads it and deletes it after asking', async ({
    page,
    signIn,
  }, testInfo) => {
    const fileName = `consentement-${testInfo.project.name}.pdf`;
    await signIn('coordinator');
    await openProfile(page, 'marc cote', 'Marc Côté');
    const documents = page.getByRole('region', { name: 'Documents' });

    // A file given to the page before it runs in the browser would go unnoticed.
    await expect(documents.getByRole('button', { name: 'Choisir un fichier' })).toBeEnabled();
    await documents.getByTestId('file-input').setInputFiles({
      name: fileName,
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await expect(documents.getByText(`Choisi : ${fileName}`)).toBeVisible();
    await documents.getByRole('combobox', { name: 'Type de document' }).click();
    await page.getByRole('option', { name: 'Consentement' }).click();
    await documents.getByRole('button', { name: 'Téléverser' }).click();
    const row = documents.getByTestId('document-row').filter({ hasText: fileName });
    await expect(row).toContainText('Consentement');
    await checkScreen(page, testInfo, 'client-documents');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /Télécharger/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    expect(await readFile(await download.path())).toEqual(PDF);

    await row.getByRole('button', { name: /Supprimer/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer' }).click();
    await expect(documents.getByTestId('document-row').filter({ hasText: fileName })).toHaveCount(
      0,
    );
  });

  test('shows an admin who opened it', async ({ page, signIn }, testInfo) => {
    await signIn('admin');
    await openProfile(page, 'marc cote', 'Marc Côté');
    const history = page.getByRole('region', { name: 'Historique des consultations' });

    await expect(history.getByRole('row').nth(1)).toBeVisible();
    await checkScreen(page, testInfo, 'client-profile-admin');
  });
});
