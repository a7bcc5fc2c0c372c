import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';
import { ConnectivityStore } from './connectivity.store';

const GATEWAY_FAILURES = new Set([0, 502, 503, 504]);

/** Notes, from every API call, whether the API is reachable. */
export const connectivityInterceptor: HttpInterceptorFn = (request, next) => {
  const connectivity = inject(ConnectivityStore);

  return next(request).pipe(
    tap({
      next: () => connectivity.apiDown.set(false),
      error: (error: unknown) => {
        const down = error instanceof HttpErrorResponse && GATEWAY_FAILURES.has(error.status);
        // The readiness probe answers 503 with a body when only a dependency is down.
        connectivity.apiDown.set(down && !request.url.includes('/health'));
      },
    }),
  );
};
