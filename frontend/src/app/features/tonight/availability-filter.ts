import type { Availability, Population } from '@acimtl/contracts';

export type ShelterAvailability = Availability['shelters'][number];

/** Who the person at the desk is looking for a bed for. */
export const NEEDS = [
  'men',
  'women',
  'youth',
  'families',
  'trans-inclusive',
  'couples',
  'pets',
  'accessible',
] as const;
export type Need = (typeof NEEDS)[number];

const POPULATION_NEEDS: readonly Need[] = ['men', 'women', 'youth', 'families', 'trans-inclusive'];

// A mixed shelter takes men and women alike.
function serves(shelter: ShelterAvailability, need: Need): boolean {
  const populations: readonly Population[] = shelter.populations;
  if (need === 'men' || need === 'women') {
    return populations.includes(need) || populations.includes('mixed');
  }

  return populations.includes(need as Population);
}

/**
 * The shelters that meet every need picked: at least one of the populations picked, and each
 * of couples, pets and accessibility picked. Most free beds first, then by name.
 */
export function filterShelters(
  shelters: readonly ShelterAvailability[],
  needs: readonly Need[],
  onlyWithBeds: boolean,
): ShelterAvailability[] {
  const populations = needs.filter((need) => POPULATION_NEEDS.includes(need));

  return shelters
    .filter((shelter) => populations.length === 0 || populations.some((n) => serves(shelter, n)))
    .filter((shelter) => !needs.includes('couples') || shelter.acceptsCouples)
    .filter((shelter) => !needs.includes('pets') || shelter.acceptsPets)
    .filter((shelter) => !needs.includes('accessible') || shelter.accessible)
    .filter((shelter) => !onlyWithBeds || shelter.counts.available > 0)
    .sort((a, b) => b.counts.available - a.counts.available || a.name.localeCompare(b.name));
}
