import { CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import { AuthError, AuthErrorCode } from '../auth/auth.error.js';

export const INVALID_MFA_CODE_MESSAGE =
  'This code is wrong or too old. Enter the code your authenticator app shows now.';

/**
 * Translates Cognito's answers into ours. Unknown e-mail and wrong password are the same
 * answer, so that sign-in does not reveal who has an account. During a second-factor step
 * (`mfa`), a refused session means the step took too long.
 */
export function toAuthError(
  error: unknown,
  during: 'sign-in' | 'mfa' | 'other' = 'other',
): AuthError {
  if (!(error instanceof CognitoIdentityProviderServiceException)) {
    return new AuthError(
      AuthErrorCode.IdentityUnavailable,
      'The sign-in service cannot be reached right now. Try again in a moment.',
    );
  }

  if (during === 'mfa') {
    switch (error.name) {
      case 'CodeMismatchException':
      case 'ExpiredCodeException':
      case 'EnableSoftwareTokenMFAException':
        return new AuthError(AuthErrorCode.InvalidMfaCode, INVALID_MFA_CODE_MESSAGE);
      case 'NotAuthorizedException':
        return /disabled/i.test(error.message)
          ? new AuthError(AuthErrorCode.AccountDisabled, 'This account is disabled.')
          : new AuthError(
              AuthErrorCode.InvalidChallenge,
              'This sign-in has expired. Sign in again with your password.',
            );
    }
  }

  switch (error.name) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      return /disabled/i.test(error.message)
        ? new AuthError(AuthErrorCode.AccountDisabled, 'This account is disabled.')
        : new AuthError(AuthErrorCode.InvalidCredentials, 'Wrong e-mail or password.');
    case 'InvalidPasswordException':
      // During sign-in the password was wrong, not weak (the emulator answers a wrong password
      // this way; Cognito itself says NotAuthorizedException).
      return during === 'sign-in'
        ? new AuthError(AuthErrorCode.InvalidCredentials, 'Wrong e-mail or password.')
        : new AuthError(AuthErrorCode.WeakPassword, weakPasswordMessage(error.message));
    case 'CodeMismatchException':
    case 'ExpiredCodeException':
      return new AuthError(
        AuthErrorCode.InvalidResetCode,
        'This code is wrong or has expired. Ask for a new one.',
      );
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return new AuthError(
        AuthErrorCode.TooManyAttempts,
        'Too many attempts. Wait a few minutes.',
        {
          'retry-after': '300',
        },
      );
    default:
      return new AuthError(
        AuthErrorCode.IdentityUnavailable,
        'The sign-in service could not complete the request.',
      );
  }
}

// Cognito prefixes its reasons ("Password does not conform to policy: Password not long
// enough"); the reason alone reads better.
function weakPasswordMessage(message: string): string {
  const reason = message.split(':').slice(1).join(':').trim() || message;

  return `The new password was refused: ${reason}.`;
}
