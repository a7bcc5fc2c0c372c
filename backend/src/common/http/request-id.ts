import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// An id from upstream (the load balancer, the web client's server) is kept when it is short and
// plain, so one request can be followed across services; anything else is replaced.
const ACCEPTABLE_ID = /^[\w.:-]{8,128}$/;

/** The id of a request: the caller's when acceptable, else a new UUID. */
export function pickRequestId(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];

  return typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
}
