import type { FieldError } from '@acimtl/contracts';

/**
 * What went wrong, in terms the HTTP layer can map to a status without knowing the domain.
 * Each module's error codes belong to one of these kinds.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'unavailable';

/**
 * The one error type that services throw. Modules subclass it with their own enum of codes;
 * the global exception filter turns it into `{ statusCode, code, message, requestId }`.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum RequestErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedBody = 'MALFORMED_BODY',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
}

/** A request the API could not accept as sent: bad body, bad parameters, wrong route. */
export class RequestError extends DomainError {
  constructor(kind: ErrorKind, code: RequestErrorCode, message: string, details?: FieldError[]) {
    super(kind, code, message, details);
  }
}
