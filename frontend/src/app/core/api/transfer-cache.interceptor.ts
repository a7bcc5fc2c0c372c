import type { HttpInterceptorFn } from '@angular/common/http';
import { isPlatformBrowser } from '@angular/common';
import { inject, Injectable, PLATFORM_ID } from '@angular/core';

/** What the browser has read or changed so far, to tell hydration's reads from later ones. */
@Injectable({ providedIn: 'root' })
export class HydrationReads {
  private readonly read = new Set<string>();
  private changed = false;

  /** Whether a GET of this URL may still be answered from the server-rendered copy. */
  mayUseTransferCache(method: string, urlWithParams: string): boolean {
    if (method !== 'GET' && method !== 'HEAD') {
      this.changed = true;

      return false;
    }
    if (this.changed || this.read.has(urlWithParams)) {
      return false;
    }

    this.read.add(urlWithParams);

    return true;
  }
}

/**
 * Lets Angular's HTTP transfer cache answer only the reads of the initial hydration. The
 * cache stays on until the application is first stable, which can be a second or more; a
 * reload of the same URL in that time (after a check-in, an upload, a retry) would otherwise
 * get the copy the server rendered with. So in the browser the first read of each URL may use
 * it, a second read of the same URL goes to the API, and after any change nothing does.
 */
export const transferCacheInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isPlatformBrowser(inject(PLATFORM_ID))) {
    return next(request);
  }

  const reads = inject(HydrationReads);

  return reads.mayUseTransferCache(request.method, request.urlWithParams)
    ? next(request)
    : next(request.clone({ transferCache: false }));
};
