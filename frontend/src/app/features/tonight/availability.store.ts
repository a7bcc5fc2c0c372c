import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { Availability } from '@acimtl/contracts';
import { filterShelters, type Need } from './availability-filter';
import { valueOf } from '../../shared/data/value-of';

/** Tonight's city-wide availability and the filters applied to it. */
@Injectable()
export class AvailabilityStore {
  private readonly http = inject(HttpClient);

  readonly needs = signal<Need[]>([]);
  readonly onlyWithBeds = signal(false);

  readonly availability = rxResource({
    stream: () => this.http.get<Availability>('/api/availability'),
  });

  readonly shelters = computed(() => {
    const availability = valueOf(this.availability);

    return availability
      ? filterShelters(availability.shelters, this.needs(), this.onlyWithBeds())
      : [];
  });

  readonly totalAvailable = computed(() =>
    this.shelters().reduce((sum, shelter) => sum + shelter.counts.available, 0),
  );

  /** Asks again without clearing what is shown, so the table does not blink. */
  refresh(): void {
    if (!this.availability.isLoading()) {
      this.availability.reload();
    }
  }
}
