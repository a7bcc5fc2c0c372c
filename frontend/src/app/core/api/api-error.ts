import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError } from '@acimtl/contracts';

/** A failed request as the interface explains it: a translation key and per-field keys. */
export interface ErrorView {
  /** Translation key of the sentence that says what happened. */
  key: string;
  /** The API's error code, when it sent one. */
  code: string | null;
  status: number;
  /** Fields the API refused, by name. */
  fields: string[];
}

// Codes that have a sentence of their own; any other falls back to its HTTP status.
const KNOWN_CODES = new Set([
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'INVALID_CHALLENGE',
  'INVALID_MFA_CODE',
  'UNSUPPORTED_SIGN_IN_STEP',
  'WEAK_PASSWORD',
  'INVALID_RESET_CODE',
  'SESSION_EXPIRED',
  'TOO_MANY_ATTEMPTS',
  'IDENTITY_PROVIDER_UNAVAILABLE',
  'BED_OCCUPIED',
  'BED_HELD',
  'BED_OUT_OF_SERVICE',
  'CLIENT_ALREADY_CHECKED_IN',
  'RESTRICTION_ACTIVE',
  'STAY_ALREADY_CHECKED_OUT',
  'BED_IN_ANOTHER_SHELTER',
  'INVALID_HOLD',
  'INVALID_RANGE',
  'SHELTER_REQUIRED',
  'INVALID_BIRTH_DATE',
  'NAME_TAKEN',
  'BED_IN_USE',
  'ROOM_IN_USE',
  'EMAIL_TAKEN',
  'UNKNOWN_SHELTER',
  'CANNOT_CHANGE_OWN_ACCESS',
  'LAST_ACTIVE_ADMIN',
  'NOT_AN_INVITATION',
]);

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && 'statusCode' in value;
}

function keyForStatus(status: number): string {
  if (status === 0 || status === 502 || status === 503 || status === 504) {
    return 'errors.unreachable';
  }
  if (status === 401) {
    return 'errors.SESSION_EXPIRED';
  }
  if (status === 403) {
    return 'errors.forbidden';
  }
  if (status === 404) {
    return 'errors.notFound';
  }
  if (status === 400 || status === 422) {
    return 'errors.invalid';
  }
  if (status === 409) {
    return 'errors.conflict';
  }
  if (status === 429) {
    return 'errors.TOO_MANY_ATTEMPTS';
  }

  return 'errors.server';
}

/** Turns whatever a request failed with into something the interface can say. */
export function describeError(error: unknown): ErrorView {
  if (!(error instanceof HttpErrorResponse)) {
    return { key: 'errors.server', code: null, status: 0, fields: [] };
  }
  const body = isApiError(error.error) ? error.error : null;
  const code = body?.code ?? null;
  const fields = body?.details?.map((detail) => detail.field) ?? [];
  const key = code && KNOWN_CODES.has(code) ? `errors.${code}` : keyForStatus(error.status);

  return { key, code, status: error.status, fields };
}
