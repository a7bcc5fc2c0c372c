/** How much a recorded date of birth can be trusted. */
export const BIRTH_DATE_QUALITIES = [
  'full',
  'approximate',
  'does-not-know',
  'prefers-not-to-answer',
] as const;
export type BirthDateQuality = (typeof BIRTH_DATE_QUALITIES)[number];

export const EXIT_REASONS = [
  'left-voluntarily',
  'housed',
  'transferred',
  'hospital',
  'barred',
  'no-show',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
