/** One dependency's state as the API's health endpoints report it. */
export interface HealthCheck {
  status: 'up' | 'down';
  message?: string;
  [detail: string]: unknown;
}

/** The body of `GET /api/health` and `GET /api/health/ready`. */
export interface HealthReport {
  status: 'ok' | 'error' | 'shutting_down';
  details: Record<string, HealthCheck>;
  info?: Record<string, HealthCheck>;
  error?: Record<string, HealthCheck>;
}
