import type { Locale, UserRole } from '@acimtl/contracts';

/** The signed-in person a request acts for, as the access guard established it. */
export interface Principal {
  userId: string;
  sub: string;
  email: string;
  role: UserRole;
  locale: Locale;
  shelterIds: string[];
  /** How the request proved it: browsers by cookie (CSRF applies), scripts by bearer token. */
  via: 'cookie' | 'bearer';
}
