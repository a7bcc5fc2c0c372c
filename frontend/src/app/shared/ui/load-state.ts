import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { describeError } from '../../core/api/api-error';

/**
 * What a screen shows while its data is not there: a progress bar while loading, the reason
 * and a retry button after a failure, a sentence when there is nothing to show.
 */
@Component({
  selector: 'aci-load-state',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      margin: 1rem 0;
    }
    .error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1rem;
      padding: 1rem;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .error p,
    .empty {
      margin: 0;
    }
    .empty {
      padding: 1.5rem;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 8px;
      text-align: center;
    }
  `,
  template: `
    @if (error(); as error) {
      <div class="error" role="alert">
        <p>{{ errorKey() | transloco }}</p>
        @if (retryable()) {
          <button mat-flat-button type="button" (click)="retry.emit()">
            {{ 'common.retry' | transloco }}
          </button>
        } @else {
          <a mat-flat-button routerLink="/">{{ 'pages.home' | transloco }}</a>
        }
      </div>
    } @else if (loading()) {
      <div role="status">
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        <span class="cdk-visually-hidden">{{ 'common.loading' | transloco }}</span>
      </div>
    } @else if (empty()) {
      <p class="empty">{{ emptyKey() | transloco }}</p>
    }
  `,
})
export class LoadState {
  /** Whether the data is on its way. */
  readonly loading = input(false);

  /** What the last attempt failed with, if it did. */
  readonly error = input<unknown>(undefined);

  /** Whether the data arrived and holds nothing. */
  readonly empty = input(false);

  /** Translation key of the sentence shown when there is nothing. */
  readonly emptyKey = input('common.empty');

  /** Emits when the person asks to try again. */
  readonly retry = output();

  protected readonly errorKey = computed(() => describeError(this.error()).key);

  // Asking again does not help with a page one may not see, or that does not exist.
  protected readonly retryable = computed(() => {
    const status = describeError(this.error()).status;

    return status !== 403 && status !== 404;
  });
}
