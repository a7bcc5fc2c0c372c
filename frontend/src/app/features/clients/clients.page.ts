import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { FrontDeskApi } from '../../core/data/front-desk.api';
import { ClientMatches } from '../../shared/clients/client-matches';
import { LoadState } from '../../shared/ui/load-state';

/** Finds a person's record by name or alias, spelled however it was heard. */
@Component({
  selector: 'aci-clients-page',
  imports: [MatFormFieldModule, MatInputModule, TranslocoPipe, ClientMatches, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    form {
      display: flex;
      gap: 1rem;
      max-width: 40rem;
    }
    mat-form-field {
      flex: 1;
    }
    .limited {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  template: `
    <h1>{{ 'clients.title' | transloco }}</h1>
    <p>{{ 'clients.intro' | transloco }}</p>
    <form role="search" (submit)="$event.preventDefault(); search(box.value)">
      <mat-form-field>
        <mat-label>{{ 'clients.searchLabel' | transloco }}</mat-label>
        <input #box matInput type="search" name="q" autocomplete="off" [value]="q() ?? ''" />
        <mat-hint>{{ 'clients.searchHint' | transloco }}</mat-hint>
      </mat-form-field>
    </form>
    @if (matches.hasValue() && matches.value(); as page) {
      @if (page.items.length > 0) {
        <aci-client-matches
          [matches]="page.items"
          [linkToRecords]="true"
          actionKey="clients.open"
          (picked)="limitedNotice.set(true)"
        />
        @if (limitedNotice()) {
          <p class="limited" role="status">{{ 'clients.limitedNotice' | transloco }}</p>
        }
      } @else {
        <aci-load-state [empty]="true" emptyKey="clients.noResults" />
      }
    } @else {
      <aci-load-state
        [loading]="matches.isLoading()"
        [error]="matches.error()"
        (retry)="matches.reload()"
      />
    }
  `,
})
export class ClientsPage {
  private readonly api = inject(FrontDeskApi);
  private readonly router = inject(Router);

  /** What was searched for (query parameter), so the back button returns to the results. */
  readonly q = input<string>();

  protected readonly query = signal('');
  protected readonly limitedNotice = signal(false);

  protected readonly matches = rxResource({
    params: () => (this.query().length >= 2 ? this.query() : undefined),
    stream: ({ params }) => this.api.searchClients(params),
  });

  constructor() {
    effect(() => this.query.set((this.q() ?? '').trim()));
  }

  protected search(value: string): void {
    void this.router.navigate([], { queryParams: { q: value.trim() || null } });
  }
}
