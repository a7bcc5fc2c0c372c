import { FetchBackend, type HttpEvent, type HttpRequest } from '@angular/common/http';
import { inject, Injectable, InjectionToken, REQUEST } from '@angular/core';
import type { Observable } from 'rxjs';

/**
 * Where the API is reached from the server that renders pages. Provided only in the server
 * configuration; in the browser API calls stay relative to the page's origin.
 */
export const API_ORIGIN = new InjectionToken<string>('API_ORIGIN');

/**
 * On the server, sends `/api` calls straight to the API, inside the network, with the
 * visitor's cookies. It works below every interceptor, Angular's transfer cache included, so
 * the cache keeps each response under the URL the browser will ask for, and is not turned away
 * by a cookie header: hydration reuses what the page was rendered with instead of asking the
 * API again, and the signed-in page shows no loading state after it has been rendered.
 */
@Injectable()
export class ServerApiBackend extends FetchBackend {
  private readonly api = inject(API_ORIGIN).replace(/\/$/, '');
  private readonly page = inject(REQUEST, { optional: true });

  override handle(request: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    // By now Angular has made `/api/…` absolute, against the address the page was asked at.
    const url = new URL(request.url, this.page?.url);
    if (
      !this.page ||
      url.origin !== new URL(this.page.url).origin ||
      !url.pathname.startsWith('/api/')
    ) {
      return super.handle(request);
    }

    const cookie = this.page.headers.get('cookie');

    return super.handle(
      request.clone({
        url: `${this.api}${url.pathname}${url.search}`,
        setHeaders: cookie ? { cookie } : {},
      }),
    );
  }
}
