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

/** `POST /api/auth/login` and `POST /api/auth/new-password`. */
export type SignInResponse =
  | { status: 'signed-in'; user: Me; tokens?: TokenBundle }
  | { status: 'new-password-required'; session?: string };

/**
 * The user pool's password policy: length only, no composition rules. The API checks it before
 * Cognito does, so that every environment answers the same.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 256;
