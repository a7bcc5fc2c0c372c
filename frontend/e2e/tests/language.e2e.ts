import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { COORDINATOR_SHELTER, shelterId, expect, test } from '../support/accounts.ts';

type Tree = { [key: string]: string | Tree };

function strings(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === 'string' ? [value] : strings(value),
  );
}

const i18n = join(import.meta.dirname, '../../src/i18n');
const fr = strings(JSON.parse(readFileSync(join(i18n, 'fr.json'), 'utf8')) as Tree);
const en = new Set(strings(JSON.parse(readFileSync(join(i18n, 'en.json'), 'utf8')) as Tree));

// The French strings that English says differently: whole, or up to their first parameter.
const frenchOnly = fr.filter((text) => !en.has(text));
const whole = new Set(frenchOnly.filter((text) => !text.includes('{{')));
const openings = frenchOnly
  .filter((text) => text.includes('{{'))
  .map((text) => text.split('{{')[0].trim())
  .filter((opening) => opening.length >= 4);

/**
 * The interface strings still in French: every text node and accessible label of the page is
 * compared whole, so data that happens to contain a French word (a name, a note) is not counted.
 */
async function frenchLeft(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      found.push(node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label]')) {
      found.push(element.getAttribute('aria-label') ?? '');
    }

    return found.map((text) => text.trim()).filter((text) => text.length > 0);
  });

  return texts.filter(
    (text) => whole.has(text) || openings.some((opening) => text.startsWith(opening)),
  );
}

test.describe('the language switch', () => {
  test.afterEach(async ({ page }) => {
    // The choice is saved on the user: put French back for the other tests.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'acimtl_csrf')?.value;
    await page.request.patch('/api/auth/me', {
      data: { locale: 'fr' },
      headers: { 'x-csrf-token': csrf ?? '' },
    });
  });

  test('changes every string of the app, keeps it after a reload and saves it', async ({
    page,
    signIn,
  }) => {
    await signIn('coordinator');
    const board = `/shelters/${await shelterId(page, COORDINATOR_SHELTER)}/board`;
    await page.goto(board);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(COORDINATOR_SHELTER);
    expect(await frenchLeft(page)).not.toEqual([]);

    await page.getByRole('radio', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText(/\d+ beds? available/)).toBeVisible();
    expect(await frenchLeft(page)).toEqual([]);

    for (const path of ['/', '/clients?q=marc', '/incidents', '/reports/occupancy']) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await frenchLeft(page), path).toEqual([]);
    }

    const me = await (await page.request.get('/api/auth/me')).json();
    expect(me.locale).toBe('en');
  });
});
