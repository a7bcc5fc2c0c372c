import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, map, type Observable, of } from 'rxjs';
import type { HealthReport } from '@acimtl/contracts';

/** The API's readiness as the interface shows it. */
export type Readiness =
  | { state: 'healthy'; report: HealthReport; checkedAt: Date }
  | { state: 'degraded'; report: HealthReport; checkedAt: Date }
  | { state: 'unreachable'; checkedAt: Date };

@Injectable({ providedIn: 'root' })
export class HealthService {
  private readonly http = inject(HttpClient);

  /** Asks the API whether it and its dependencies are ready; never errors. */
  readiness(): Observable<Readiness> {
    return this.http.get<HealthReport>('/api/health/ready').pipe(
      map((report): Readiness => ({ state: 'healthy', report, checkedAt: new Date() })),
      catchError((error: unknown) => of(toReadiness(error))),
    );
  }
}

// A 503 from the readiness probe still carries the per-dependency report.
function toReadiness(error: unknown): Readiness {
  const report = error instanceof HttpErrorResponse ? error.error : undefined;
  if (isHealthReport(report)) {
    return { state: 'degraded', report, checkedAt: new Date() };
  }

  return { state: 'unreachable', checkedAt: new Date() };
}

function isHealthReport(value: unknown): value is HealthReport {
  return typeof value === 'object' && value !== null && 'details' in value && 'status' in value;
}
