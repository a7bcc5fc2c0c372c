import { generateSync } from 'otplib';
import {
  ACCOUNTS,
  accountWithAuthenticator,
  COORDINATOR_SHELTER,
  checkScreen,
  expect,
  shelterId,
  test,
} from '../support/accounts.ts';

const COORDINATOR = ACCOUNTS.coordinator;

test.describe('signing in and out', () => {
  test('sends a visitor to sign in, then back to the page they asked for', async ({ page }) => {
    await page.goto('/clients?q=marc');

    await expect(page).toHaveURL(/\/sign-in\?returnUrl=/);
    await page.getByLabel('Courriel').fill(COORDINATOR.email);
    await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await expect(page).toHaveURL(/\/clients\?q=marc$/);
    await expect(page.getByTestId('client-match').first()).toContainText('Marc');
  });

  test('asks for the authenticator app’s code after the password, then signs in', async ({
    page,
  }, testInfo) => {
    const account = await accountWithAuthenticator(testInfo);
    await page.goto('/clients?q=marc');
    await page.getByLabel('Courriel').fill(account.email);
    await page.getByLabel('Mot de passe').fill(account.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await expect(page.getByRole('heading', { name: 'Code de vérification' })).toBeVisible();
    await checkScreen(page, testInfo, 'mfa-code');
    await page.getByLabel('Code à 6 chiffres').fill('000000');
    await page.getByRole('button', { name: 'Vérifier et continuer' }).click();
    await expect(page.getByRole('alert')).toContainText('Ce code est erroné ou trop ancien.');

    await page.getByLabel('Code à 6 chiffres').fill(generateSync({ secret: account.secret }));
    await page.getByRole('button', { name: 'Vérifier et continuer' }).click();

    await expect(page).toHaveURL(/\/clients\?q=marc$/);
    await expect(page.getByTestId('client-match').first()).toContainText('Marc');
  });

  test('says so when the password is wrong, next to the form', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Courriel').fill('personne@acimtl.local');
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await expect(page.getByRole('alert')).toHaveText('Courriel ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('validates the form before sending it', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Courriel').fill('not an e-mail');
    await page.getByRole('button', { name: 'Se connecter' }).click();

    await expect(page.getByText('Saisissez une adresse courriel.')).toBeVisible();
    await expect(page.getByText('Obligatoire.')).toBeVisible();
  });

  test('renders a signed-in page on the server with its data', async ({ page, signIn }) => {
    await signIn('coordinator');
    const id = await shelterId(page, COORDINATOR_SHELTER);

    const html = await (await page.request.get(`/shelters/${id}/board`)).text();

    expect(html).toMatch(new RegExp(`<h1[^>]*>${COORDINATOR_SHELTER}</h1>`));
    expect(html).toContain('Dortoir A');
    expect(html).not.toContain('Connexion');
  });

  test('hydrates a signed-in page with the data it was rendered with, asking the API nothing again', async ({
    page,
    signIn,
  }) => {
    await signIn('coordinator');
    const id = await shelterId(page, COORDINATOR_SHELTER);
    const asked: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) {
        asked.push(`${request.method()} ${pathname}`);
      }
    });

    const response = await page.goto(`/shelters/${id}/board`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(COORDINATOR_SHELTER);
    await page.waitForLoadState('networkidle');

    expect(response?.headers()['cache-control']).toBe('private, no-store');
    expect(asked).not.toContain(`GET /api/shelters/${id}/board`);
    expect(asked).not.toContain('GET /api/auth/me');
  });

  test('resumes a session whose access token has expired, without asking to sign in', async ({
    page,
    context,
    signIn,
  }) => {
    await signIn('coordinator');
    const cookies = await context.cookies();
    await context.clearCookies();
    await context.addCookies(cookies.filter((cookie) => cookie.name !== 'acimtl_access'));

    await page.goto('/clients');

    await expect(page).toHaveURL(/\/clients$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Personnes');
  });

  test('the sign-in and forgotten-password screens are accessible', async ({ page }, testInfo) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await checkScreen(page, testInfo, 'sign-in');

    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await expect(page.getByRole('heading', { name: 'Mot de passe oublié' })).toBeVisible();
    await checkScreen(page, testInfo, 'forgot-password');
  });

  // Signing out ends every session of the account: this runs last, and forgets the session.
  test('signs out and forgets the session', async ({ page, signIn, sessions }) => {
    await signIn('coordinator');
    await page.goto('/');
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    sessions.delete('coordinator');

    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=/);
  });
});
