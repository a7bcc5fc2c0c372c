/** The people a shelter serves; a shelter usually serves several. */
export const POPULATIONS = [
  'men',
  'women',
  'mixed',
  'youth',
  'families',
  'trans-inclusive',
] as const;
export type Population = (typeof POPULATIONS)[number];

export const BED_KINDS = ['bed', 'crib', 'mat', 'cot'] as const;
export type BedKind = (typeof BED_KINDS)[number];

/** A bed's state tonight, derived from its flags, open stay and live hold. */
export const BED_STATUSES = ['available', 'held', 'occupied', 'out-of-service'] as const;
export type BedStatus = (typeof BED_STATUSES)[number];
