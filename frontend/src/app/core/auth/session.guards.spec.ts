import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  provideRouter,
  type RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import { safeReturnUrl, signedInGuard } from './session.guards';
import { type SessionState, SessionStore } from './session.store';

function run(answer: () => Promise<SessionState>): Promise<unknown> {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: SessionStore, useValue: { ensureLoaded: answer } }],
  });
  const state = { url: '/clients?q=marc' } as RouterStateSnapshot;

  return TestBed.runInInjectionContext(() =>
    signedInGuard({} as ActivatedRouteSnapshot, state),
  ) as Promise<unknown>;
}

describe('signedInGuard', () => {
  it('lets a signed-in person through', async () => {
    const user = { id: 'u', role: 'coordinator' } as never;

    expect(await run(async () => ({ status: 'signed-in', user }))).toBe(true);
  });

  it('sends a stranger to sign in, with the way back', async () => {
    const result = await run(async () => ({ status: 'signed-out', resumable: false }));

    expect(result).toBeInstanceOf(UrlTree);
    expect(String(result)).toBe('/sign-in?returnUrl=%2Fclients%3Fq%3Dmarc');
  });

  it('sends a person whose session can resume to the browser-side refresh', async () => {
    const result = await run(async () => ({ status: 'signed-out', resumable: true }));

    expect(String(result)).toBe('/resume?returnUrl=%2Fclients%3Fq%3Dmarc');
  });

  it('shows the page when the API does not answer, instead of failing the navigation', async () => {
    expect(await run(() => Promise.reject(new Error('unreachable')))).toBe(true);
  });
});

describe('safeReturnUrl', () => {
  it('keeps a path of the app', () => {
    expect(safeReturnUrl('/shelters/1/board')).toBe('/shelters/1/board');
  });

  it('refuses another site', () => {
    expect(safeReturnUrl('//evil.example/')).toBe('/');
    expect(safeReturnUrl('https://evil.example/')).toBe('/');
    expect(safeReturnUrl(undefined)).toBe('/');
  });
});
