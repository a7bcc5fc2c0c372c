import { DomainError, type ErrorKind } from '../common/errors/domain.error.js';

export enum AuthErrorCode {
  NotSignedIn = 'NOT_SIGNED_IN',
  InvalidToken = 'INVALID_TOKEN',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  AccountDisabled = 'ACCOUNT_DISABLED',
  NewPasswordRequired = 'NEW_PASSWORD_REQUIRED',
  InvalidChallenge = 'INVALID_CHALLENGE',
  InvalidMfaCode = 'INVALID_MFA_CODE',
  UnsupportedChallenge = 'UNSUPPORTED_SIGN_IN_STEP',
  WeakPassword = 'WEAK_PASSWORD',
  InvalidResetCode = 'INVALID_RESET_CODE',
  SessionExpired = 'SESSION_EXPIRED',
  CsrfTokenMissing = 'CSRF_TOKEN_MISSING',
  Forbidden = 'FORBIDDEN',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  IdentityUnavailable = 'IDENTITY_PROVIDER_UNAVAILABLE',
}

const KIND: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.NotSignedIn]: 'unauthenticated',
  [AuthErrorCode.InvalidToken]: 'unauthenticated',
  [AuthErrorCode.InvalidCredentials]: 'unauthenticated',
  [AuthErrorCode.AccountDisabled]: 'unauthenticated',
  [AuthErrorCode.SessionExpired]: 'unauthenticated',
  [AuthErrorCode.NewPasswordRequired]: 'invalid',
  [AuthErrorCode.InvalidChallenge]: 'invalid',
  [AuthErrorCode.InvalidMfaCode]: 'invalid',
  [AuthErrorCode.UnsupportedChallenge]: 'forbidden',
  [AuthErrorCode.WeakPassword]: 'invalid',
  [AuthErrorCode.InvalidResetCode]: 'invalid',
  [AuthErrorCode.CsrfTokenMissing]: 'forbidden',
  [AuthErrorCode.Forbidden]: 'forbidden',
  [AuthErrorCode.TooManyAttempts]: 'rate-limited',
  [AuthErrorCode.IdentityUnavailable]: 'unavailable',
};

/** Sign-in, session and permission failures. */
export class AuthError extends DomainError {
  constructor(code: AuthErrorCode, message: string, headers?: Record<string, string>) {
    super(KIND[code], code, message, undefined, headers);
  }
}
