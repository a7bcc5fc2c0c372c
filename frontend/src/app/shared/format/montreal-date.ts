const MONTREAL = 'America/Montreal';

/** A Montreal calendar day, `YYYY-MM-DD`, `daysAgo` days before the given instant. */
export function montrealDay(now: Date, daysAgo = 0): string {
  const shifted = new Date(now.getTime() - daysAgo * 24 * 60 * 60 * 1000);

  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: MONTREAL }).format(shifted);
}
