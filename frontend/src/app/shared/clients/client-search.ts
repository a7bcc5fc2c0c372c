import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { debounceTime } from 'rxjs';
import type { ClientMatch } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { FrontDeskApi } from '../../core/data/front-desk.api';
import { valueOf } from '../data/value-of';
import { ClientMatches } from './client-matches';

/**
 * Finds a person on file (accent- and typo-tolerant, as you type) and lets one of the matches
 * be picked. Knows nothing of what the pick is for; Enter in the field never submits the form
 * around it.
 */
@Component({
  selector: 'aci-client-search',
  imports: [MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslocoPipe, ClientMatches],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .wide {
      width: 100%;
    }
    .notice {
      color: var(--mat-sys-on-surface-variant);
    }
    .failure {
      color: var(--mat-sys-error);
    }
  `,
  template: `
    <mat-form-field class="wide">
      <mat-label>{{ labelKey() | transloco }}</mat-label>
      <input
        matInput
        type="search"
        autocomplete="off"
        data-testid="client-search"
        [value]="query()"
        (input)="query.set($any($event.target).value)"
        (keydown.enter)="$event.preventDefault()"
      />
      <mat-hint>{{ 'clients.searchHint' | transloco }}</mat-hint>
    </mat-form-field>
    @if (matches.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    @if (matches.error(); as error) {
      <p class="failure" role="alert">{{ errorKey(error) | transloco }}</p>
    }
    <div aria-live="polite">
      @if (shown(); as shown) {
        @if (shown.length > 0) {
          <aci-client-matches [matches]="shown" [actionKey]="actionKey()" (picked)="pick($event)" />
        } @else {
          <p class="notice">{{ 'clients.noMatch' | transloco: { q: debouncedQuery() } }}</p>
        }
      }
    </div>
  `,
})
export class ClientSearch {
  private readonly api = inject(FrontDeskApi);

  /** Translation key of the search field's label. */
  readonly labelKey = input('clients.searchLabel');

  /** Translation key of each match's button. */
  readonly actionKey = input('clients.pick');

  /** Ids of people already picked, left out of the matches. */
  readonly excluded = input<readonly string[]>([]);

  /** Emits the match the person picked; the search is then cleared. */
  readonly picked = output<ClientMatch>();

  /** Emits the query whose matches are now shown, even when nothing matched. */
  readonly searched = output<string>();

  protected readonly errorKey = (error: unknown) => describeError(error).key;
  protected readonly query = signal('');
  protected readonly debouncedQuery = toSignal(toObservable(this.query).pipe(debounceTime(300)), {
    initialValue: '',
  });

  protected readonly matches = rxResource({
    params: () => {
      const q = this.debouncedQuery().trim();

      return q.length >= 2 ? q : undefined;
    },
    stream: ({ params }) => this.api.searchClients(params),
  });

  protected readonly shown = computed(() => {
    const page = valueOf(this.matches);
    if (!page || this.query().trim().length < 2) {
      return null;
    }

    const excluded = new Set(this.excluded());

    return page.items.filter((match) => !excluded.has(match.id));
  });

  constructor() {
    effect(() => {
      if (this.shown() !== null) {
        this.searched.emit(this.debouncedQuery().trim());
      }
    });
  }

  protected pick(match: ClientMatch): void {
    this.picked.emit(match);
    this.query.set('');
  }
}
