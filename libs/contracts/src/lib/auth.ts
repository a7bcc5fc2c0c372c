import type { Locale } from './locale.js';
import type { UserRole } from './users.js';

/** A shelter as a signed-in person's memberships name it. */
export interface ShelterRef {
  id: string;
  name: string;
}

/** `GET /api/auth/me`: who is signed in. */
export interface Me {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  role: UserRole;
  locale: Locale;
  shelters: ShelterRef[];
}

/** Tokens in a response body: only for scripts that asked for them (`tokenDelivery: 'body'`). */
export interface TokenBundle {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

export type TokenDelivery = 'cookie' | 'body';

/**
 * `POST /api/auth/login` and each step after it (`new-password`, `mfa-code`, `mfa-setup`):
 * signed in, or the next step. A first sign-in where a second factor is required enrolls an
 * authenticator app from `secret` (or the `otpauthUri` link) and proves it with its first code.
 * The session travels in a cookie for browsers, in the body for scripts.
 */
export type SignInResponse =
  | { status: 'signed-in'; user: Me; tokens?: TokenBundle }
  | { status: 'new-password-required' | 'mfa-code-required'; session?: string }
  | { status: 'mfa-setup-required'; session?: string; secret: string; otpauthUri: string };

/** An authenticator app's code: six digits. */
export const MFA_CODE_PATTERN = /^\d{6}$/;

/**
 * The user pool's password policy: length only, no composition rules. The API checks it before
 * Cognito does, so that every environment answers the same.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;
