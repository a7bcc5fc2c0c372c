import { DatePipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { OccupancyNight } from '@acimtl/contracts';

const HEIGHT = 160;

/** Occupancy per night as bars, each labelled; the table beside it carries the same figures. */
@Component({
  selector: 'aci-occupancy-chart',
  imports: [DatePipe, PercentPipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    figure {
      margin: 0;
    }
    .bars {
      display: flex;
      align-items: flex-end;
      gap: 4px;
      min-height: 200px;
      padding: 0.5rem;
      border-bottom: 2px solid var(--mat-sys-outline);
    }
    .bar {
      display: flex;
      flex: 1 0 1.75rem;
      flex-direction: column;
      align-items: center;
      justify-content: flex-end;
      gap: 0.25rem;
      font: var(--mat-sys-label-small);
    }
    .fill {
      width: 100%;
      border-radius: 4px 4px 0 0;
      background: #1f5fa8;
    }
    .night {
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    figcaption {
      margin-top: 0.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <figure>
      <div class="bars" aria-hidden="true">
        @for (bar of bars(); track bar.night) {
          <div class="bar">
            <span>{{ bar.rate | percent: '1.0-0' : locale() }}</span>
            <span class="fill" [style.height.px]="bar.height"></span>
            <span class="night">{{ bar.night | date: 'd MMM' : 'UTC' : locale() }}</span>
          </div>
        }
      </div>
      <figcaption>{{ 'report.chartCaption' | transloco }}</figcaption>
    </figure>
  `,
})
export class OccupancyChart {
  /** The nights of the report, in order. */
  readonly nights = input.required<OccupancyNight[]>();

  /** The interface language, for dates and percentages. */
  readonly locale = input.required<string>();

  protected readonly bars = computed(() =>
    this.nights().map((night) => ({
      night: night.night,
      rate: night.occupancyRate,
      height: Math.max(2, Math.round(Math.min(1, night.occupancyRate) * HEIGHT)),
    })),
  );
}
