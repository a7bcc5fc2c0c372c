import { DatePipe, PercentPipe } from '@angular/common';
import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OccupancyReport } from '@acimtl/contracts';
import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { montrealDay } from '../../shared/format/montreal-date';
import { LoadState } from '../../shared/ui/load-state';
import { ShelterChoices } from '../../shared/ui/shelter-choices';
import { OccupancyChart } from './occupancy-chart';

/** Occupancy per night over a period, for one shelter or (admins) the whole city. */
@Component({
  selector: 'aci-occupancy-page',
  imports: [
    DatePipe,
    PercentPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    LoadState,
    OccupancyChart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './occupancy.page.scss',
  template: `
    <h1>{{ 'report.title' | transloco }}</h1>
    <div class="filters">
      <mat-form-field>
        <mat-label>{{ 'incidents.shelter' | transloco }}</mat-label>
        <mat-select [value]="shelterId()" (selectionChange)="chosenShelter.set($event.value)">
          @if (isAdmin()) {
            <mat-option value="">{{ 'report.allShelters' | transloco }}</mat-option>
          }
          @for (shelter of choices.shelters(); track shelter.id) {
            <mat-option [value]="shelter.id">{{ shelter.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'period.from' | transloco }}</mat-label>
        <input
          matInput
          type="date"
          [value]="from()"
          (change)="from.set($any($event.target).value)"
        />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'period.to' | transloco }}</mat-label>
        <input matInput type="date" [value]="to()" (change)="to.set($any($event.target).value)" />
      </mat-form-field>
      <a mat-stroked-button [href]="csvUrl()" download data-testid="csv-download">
        {{ 'report.csv' | transloco }}
      </a>
    </div>

    @if (report.hasValue() && report.value(); as report) {
      @if (report.nights.length > 0) {
        <aci-occupancy-chart [nights]="report.nights" [locale]="locale()" />
        <div class="table-wrap">
          <table>
            <caption>
              {{
                'report.tableCaption' | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'report.night' | transloco }}</th>
                <th scope="col" class="number">{{ 'report.bedsInService' | transloco }}</th>
                <th scope="col" class="number">{{ 'bed.status.occupied' | transloco }}</th>
                <th scope="col" class="number">{{ 'bed.status.held' | transloco }}</th>
                <th scope="col" class="number">{{ 'incidents.turnaways' | transloco }}</th>
                <th scope="col" class="number">{{ 'report.rate' | transloco }}</th>
              </tr>
            </thead>
            <tbody>
              @for (night of report.nights; track night.night) {
                <tr>
                  <th scope="row">{{ night.night | date: 'EEE d MMM y' : 'UTC' : locale() }}</th>
                  <td class="number">{{ night.bedsInService }}</td>
                  <td class="number">{{ night.occupied }}</td>
                  <td class="number">{{ night.held }}</td>
                  <td class="number">{{ night.turnaways }}</td>
                  <td class="number">{{ night.occupancyRate | percent: '1.0-1' : locale() }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <aci-load-state [empty]="true" emptyKey="report.none" />
      }
    } @else {
      <aci-load-state
        [loading]="report.isLoading()"
        [error]="report.error()"
        (retry)="report.reload()"
      />
    }
  `,
})
export class OccupancyPage {
  private readonly http = inject(HttpClient);
  protected readonly choices = inject(ShelterChoices);
  protected readonly isAdmin = inject(SessionStore).isAdmin;
  protected readonly locale = inject(LanguageService).current;

  protected readonly chosenShelter = signal<string | null>(null);
  // Admins start with the whole city; coordinators with their first shelter.
  protected readonly shelterId = computed(
    () => this.chosenShelter() ?? (this.isAdmin() ? '' : (this.choices.shelters()[0]?.id ?? '')),
  );
  protected readonly from = signal(montrealDay(new Date(), 13));
  protected readonly to = signal(montrealDay(new Date()));

  private readonly params = computed(() => {
    let params = new HttpParams().set('from', this.from()).set('to', this.to());
    if (this.shelterId()) {
      params = params.set('shelterId', this.shelterId());
    }

    return params;
  });

  protected readonly report = rxResource({
    params: () => (this.from() && this.to() ? this.params() : undefined),
    stream: ({ params }) => this.http.get<OccupancyReport>('/api/reports/occupancy', { params }),
  });

  protected readonly csvUrl = computed(
    () => `/api/reports/occupancy?${this.params().set('format', 'csv').toString()}`,
  );
}
