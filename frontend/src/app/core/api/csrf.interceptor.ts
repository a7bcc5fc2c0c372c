import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import type { HttpInterceptorFn } from '@angular/common/http';
import { inject, PLATFORM_ID } from '@angular/core';

/** The API's CSRF cookie: `__Host-` prefixed where cookies are Secure, plain on a laptop. */
const CSRF_COOKIES = ['__Host-acimtl_csrf', 'acimtl_csrf'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the CSRF token the API set at sign-in, if there is one. */
export function readCsrfToken(cookies: string): string | null {
  for (const name of CSRF_COOKIES) {
    const match = new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(cookies);
    if (match) {
      return decodeURIComponent(match[1]);
    }
  }

  return null;
}

/** Echoes the CSRF cookie in the header the API expects on every state-changing call. */
export const csrfInterceptor: HttpInterceptorFn = (request, next) => {
  if (SAFE_METHODS.has(request.method) || !isPlatformBrowser(inject(PLATFORM_ID))) {
    return next(request);
  }
  const token = readCsrfToken(inject(DOCUMENT).cookie);

  return next(token ? request.clone({ setHeaders: { 'x-csrf-token': token } }) : request);
};
