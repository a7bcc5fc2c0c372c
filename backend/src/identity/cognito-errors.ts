import { CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import { AuthError, AuthErrorCode } from '../auth/auth.error.js';

/**
 * Translates Cognito's answers into ours. Unknown e-mail and wrong password are the same
 * answer, so that sign-in does not reveal who has an account.
 */
export function toAuthError(error: unknown, during: 'sign-in' | 'other' = 'other'): AuthError {
  if (!(error instanceof CognitoIdentityProviderServiceException)) {
    return new AuthError(
      AuthErrorCode.IdentityUnavailable,
      'The sign-in service cannot be reached right now. Try again in a moment.',
    );
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
