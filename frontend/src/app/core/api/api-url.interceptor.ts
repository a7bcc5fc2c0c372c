import type { HttpInterceptorFn } from '@angular/common/http';
import { inject, InjectionToken, REQUEST } from '@angular/core';

/**
 * Where the API is reached from the server that renders pages. Provided only in the server
 * configuration; in the browser API calls stay relative to the page's origin.
 */
export const API_ORIGIN = new InjectionToken<string>('API_ORIGIN');

/** Sends `/api` calls made while rendering on the server to the API, with the visitor's cookies. */
export const apiUrlInterceptor: HttpInterceptorFn = (request, next) => {
  const origin = inject(API_ORIGIN, { optional: true });

  if (!origin || !request.url.startsWith('/api/')) {
    return next(request);
  }

  const cookie = inject(REQUEST, { optional: true })?.headers.get('cookie');

  return next(
    request.clone({
      url: `${origin.replace(/\/$/, '')}${request.url}`,
      setHeaders: cookie ? { cookie } : {},
    }),
  );
};
