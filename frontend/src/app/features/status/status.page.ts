import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language.service';
import { HealthService } from './health.service';
import { HealthSummary } from './health-summary';

/** Shows whether the API answers, as seen by the server that rendered the page. */
@Component({
  selector: 'aci-status-page',
  imports: [MatButtonModule, TranslocoPipe, HealthSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'status.title' | transloco }}</h1>
    <p>{{ 'status.intro' | transloco }}</p>
    @if (readiness.hasValue() && readiness.value(); as readiness) {
      <aci-health-summary [readiness]="readiness" [locale]="language.current()" />
    } @else {
      <p role="status">{{ 'status.loading' | transloco }}</p>
    }
    <button
      mat-stroked-button
      type="button"
      (click)="readiness.reload()"
      [disabled]="readiness.isLoading()"
    >
      {{ 'status.retry' | transloco }}
    </button>
  `,
})
export class StatusPage {
  private readonly health = inject(HealthService);
  protected readonly language = inject(LanguageService);

  protected readonly readiness = rxResource({ stream: () => this.health.readiness() });
}
