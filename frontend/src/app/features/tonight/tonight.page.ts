import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { clock, every } from '../../shared/format/clock';
import { hydrated } from '../../shared/ui/hydrated';
import { LoadState } from '../../shared/ui/load-state';
import { NEEDS, type Need } from './availability-filter';
import { AvailabilityStore } from './availability.store';
import { AvailabilityTable } from './availability-table';
import { valueOf } from '../../shared/data/value-of';

const REFRESH_MS = 60_000;

/** Home: where a bed is free tonight, across the city. */
@Component({
  selector: 'aci-tonight-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatChipsModule,
    MatSlideToggleModule,
    TranslocoPipe,
    LoadState,
    AvailabilityTable,
  ],
  providers: [AvailabilityStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .heading {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    h1 {
      margin: 0;
    }
    .generated {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1rem;
      margin: 1rem 0;
    }
    .toggle-label {
      margin-inline-start: 0.5rem;
    }
    .summary {
      margin: 0.5rem 0 1rem;
      font: var(--mat-sys-title-medium);
    }
  `,
  template: `
    <div class="heading">
      <h1>{{ 'tonight.title' | transloco }}</h1>
      @if (store.availability.hasValue() && store.availability.value(); as availability) {
        <p class="generated" aria-live="polite">
          {{
            'tonight.generatedAt'
              | transloco
                : { time: (availability.generatedAt | date: 'shortTime' : undefined : locale()) }
          }}
          <button mat-button type="button" (click)="store.refresh()">
            {{ 'common.refresh' | transloco }}
          </button>
        </p>
      }
    </div>
    <p>{{ 'tonight.intro' | transloco }}</p>

    <div class="filters">
      <mat-chip-listbox
        multiple
        [disabled]="!ready()"
        [attr.aria-label]="'tonight.filters' | transloco"
        [value]="store.needs()"
        (change)="store.needs.set($event.value)"
      >
        @for (need of needs; track need) {
          <mat-chip-option [value]="need">{{ 'need.' + need | transloco }}</mat-chip-option>
        }
      </mat-chip-listbox>
      <mat-slide-toggle
        [checked]="store.onlyWithBeds()"
        (change)="store.onlyWithBeds.set($event.checked)"
      >
        <span class="toggle-label">{{ 'tonight.onlyWithBeds' | transloco }}</span>
      </mat-slide-toggle>
    </div>

    @if (store.availability.hasValue()) {
      <p class="summary" role="status" data-testid="tonight-summary">
        {{
          'tonight.summary'
            | transloco: { beds: store.totalAvailable(), shelters: store.shelters().length }
        }}
      </p>
      @if (store.shelters().length > 0) {
        <aci-availability-table
          [shelters]="store.shelters()"
          [boardIds]="boardIds()"
          [now]="now()"
          [locale]="locale()"
        />
      } @else {
        <aci-load-state [empty]="true" emptyKey="tonight.noMatch" />
      }
    } @else {
      <aci-load-state
        [loading]="store.availability.isLoading()"
        [error]="store.availability.error()"
        (retry)="store.availability.reload()"
      />
    }
  `,
})
export class TonightPage {
  protected readonly store = inject(AvailabilityStore);
  private readonly session = inject(SessionStore);
  protected readonly locale = inject(LanguageService).current;

  protected readonly needs: readonly Need[] = NEEDS;
  protected readonly now = clock(30_000);
  protected readonly ready = hydrated();

  /** Admins open any board; coordinators the boards of their shelters. */
  protected readonly boardIds = computed(() => {
    const user = this.session.user();
    if (user?.role === 'admin') {
      return valueOf(this.store.availability)?.shelters.map((shelter) => shelter.id) ?? [];
    }

    return user?.shelters.map((shelter) => shelter.id) ?? [];
  });

  constructor() {
    every(REFRESH_MS, () => this.store.refresh());
  }
}
