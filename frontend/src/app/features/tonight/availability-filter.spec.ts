import type { BedCounts } from '@acimtl/contracts';
import { filterShelters, type ShelterAvailability } from './availability-filter';

function shelter(name: string, overrides: Partial<ShelterAvailability>): ShelterAvailability {
  const counts: BedCounts = { available: 1, held: 0, occupied: 0, outOfService: 0 };

  return {
    id: name,
    name,
    phone: '514-555-0100',
    populations: ['men'],
    acceptsCouples: false,
    acceptsPets: false,
    accessible: false,
    counts,
    lastChangeAt: '2026-12-03T22:00:00Z',
    ...overrides,
  };
}

const men = shelter('Hommes', { populations: ['men'] });
const mixed = shelter('Mixte', {
  populations: ['mixed'],
  acceptsPets: true,
  counts: { available: 5, held: 0, occupied: 0, outOfService: 0 },
});
const families = shelter('Familles', {
  populations: ['families'],
  acceptsCouples: true,
  counts: { available: 0, held: 0, occupied: 4, outOfService: 0 },
});
const all = [men, mixed, families];

describe('filterShelters', () => {
  it('lists every shelter, most free beds first, when nothing is picked', () => {
    expect(filterShelters(all, [], false).map((s) => s.name)).toEqual([
      'Mixte',
      'Hommes',
      'Familles',
    ]);
  });

  it('counts a mixed shelter as serving women', () => {
    expect(filterShelters(all, ['women'], false).map((s) => s.name)).toEqual(['Mixte']);
  });

  it('keeps shelters serving any of the populations picked', () => {
    expect(filterShelters(all, ['men', 'families'], false).map((s) => s.name)).toEqual([
      'Mixte',
      'Hommes',
      'Familles',
    ]);
  });

  it('requires every condition picked besides the populations', () => {
    expect(filterShelters(all, ['men', 'pets'], false).map((s) => s.name)).toEqual(['Mixte']);
    expect(filterShelters(all, ['couples', 'pets'], false)).toEqual([]);
  });

  it('hides full shelters on request', () => {
    expect(filterShelters(all, ['families'], true)).toEqual([]);
  });
});
