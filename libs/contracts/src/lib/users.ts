export const USER_ROLES = ['admin', 'coordinator'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** `invited` until the first successful sign-in; `deleted` rows stay so audits can name people. */
export const USER_STATUSES = ['invited', 'active', 'disabled', 'deleted'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
