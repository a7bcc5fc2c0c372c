export const USER_ROLES = ['admin', 'coordinator'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** `invited` until the first successful sign-in; `deleted` rows stay so audits can name people. */
export const USER_STATUSES = ['invited', 'active', 'disabled', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** A user as the administration screens list them. */
export interface UserSummary {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  role: UserRole;
  status: UserStatus;
  locale: 'fr' | 'en';
  shelters: { id: string; name: string }[];
  lastSignInAt: string | null;
  createdAt: string;
}

/** One user, with what Cognito says of the identity behind it. */
export interface UserDetail extends UserSummary {
  identity: { status: string; enabled: boolean } | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** `POST /api/users`: the temporary password is returned only by a local platform. */
export interface InviteResponse {
  user: UserDetail;
  temporaryPassword?: string;
}
