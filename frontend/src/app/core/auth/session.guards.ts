import { inject } from '@angular/core';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import { type SessionState, SessionStore } from './session.store';

/** Pages for a signed-in person: others sign in first and come back here afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state): Promise<boolean | UrlTree> => {
  const router = inject(Router);
  const store = inject(SessionStore);
  let session: SessionState;
  try {
    session = await store.ensureLoaded();
  } catch {
    // The API does not answer: show the page anyway, with the banner and its own retry,
    // rather than a crash. The session is asked for again at the next navigation.
    return true;
  }
  if (session.status === 'signed-in') {
    return true;
  }
  const resumable = session.status === 'signed-out' && session.resumable;
  const target = resumable ? '/resume' : '/sign-in';

  return router.createUrlTree([target], { queryParams: { returnUrl: state.url } });
};

/** Administration pages: anyone else sees a "not allowed" page. */
export const adminGuard: CanActivateFn = async (): Promise<boolean | UrlTree> => {
  // Everything injected before the first `await`: the injection context ends there.
  const store = inject(SessionStore);
  const router = inject(Router);
  await store.ensureLoaded();

  return store.isAdmin() || router.createUrlTree(['/forbidden']);
};

/** The sign-in pages: a person already signed in goes straight to the app. */
export const signedOutGuard: CanActivateFn = async (): Promise<boolean | UrlTree> => {
  const router = inject(Router);
  const session = await inject(SessionStore).ensureLoaded();

  return session.status !== 'signed-in' || router.createUrlTree(['/']);
};

/** Only a path inside the app may be a return address, never another site. */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
