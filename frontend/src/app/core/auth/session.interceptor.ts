import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject, Injector } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { SessionStore } from './session.store';

// Calls whose 401 means "wrong password" or "no session yet", not "session expired".
const AUTH_CALLS = /\/api\/auth\/(login|new-password|refresh|forgot-password|reset-password|me$)/;

/**
 * When the access token has expired, refreshes it once and replays the call; when the session
 * cannot be refreshed, sends the person to sign in and, after that, back to where they were.
 */
export const sessionInterceptor: HttpInterceptorFn = (request, next) => {
  // The store is resolved lazily: it injects HttpClient, which runs this interceptor.
  const injector = inject(Injector);

  return next(request).pipe(
    catchError((error: unknown) => {
      const expired =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        request.url.includes('/api/') &&
        !AUTH_CALLS.test(request.url);
      if (!expired) {
        return throwError(() => error);
      }
      const session = injector.get(SessionStore);
      const router = injector.get(Router);

      return session.refresh().pipe(
        catchError(() => {
          session.expire();
          void router.navigate(['/sign-in'], {
            queryParams: { returnUrl: router.url, expired: 1 },
          });

          return throwError(() => error);
        }),
        switchMap(() => next(request)),
      );
    }),
  );
};
