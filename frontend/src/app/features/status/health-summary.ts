import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Readiness } from './health.service';

/** The API's readiness in words and colour, dependency by dependency. */
@Component({
  selector: 'aci-health-summary',
  imports: [DatePipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './health-summary.scss',
  template: `
    <p class="verdict" [class]="readiness().state" role="status" data-testid="api-status">
      {{ 'status.' + readiness().state | transloco }}
    </p>
    @if (checks().length > 0) {
      <ul class="checks">
        @for (check of checks(); track check.name) {
          <li [class]="check.status" [attr.data-check]="check.name">
            <span class="name">{{ 'status.checks.' + check.name | transloco }}</span>
            <span class="state">{{ 'status.state.' + check.status | transloco }}</span>
          </li>
        }
      </ul>
    }
    <p class="checked-at">
      {{
        'status.checkedAt'
          | transloco: { time: (readiness().checkedAt | date: 'medium' : undefined : locale()) }
      }}
    </p>
  `,
})
export class HealthSummary {
  /** What the last readiness check found. */
  readonly readiness = input.required<Readiness>();

  /** The interface language, for dates. */
  readonly locale = input.required<string>();

  protected readonly checks = computed(() => {
    const readiness = this.readiness();
    if (readiness.state === 'unreachable') {
      return [];
    }

    return Object.entries(readiness.report.details).map(([name, check]) => ({
      name,
      status: check.status,
    }));
  });
}
