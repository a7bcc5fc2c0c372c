import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ClientMatch } from '@acimtl/contracts';

/** Search results, best first, each one a button that picks the person. */
@Component({
  selector: 'aci-client-matches',
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      font-weight: 600;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  template: `
    <ul [attr.aria-label]="'clients.results' | transloco">
      @for (match of matches(); track match.id) {
        <li data-testid="client-match">
          <span>
            <span class="name">{{ match.givenName }} {{ match.familyName }}</span>
            @if (match.alias) {
              <span> « {{ match.alias }} »</span>
            }
            <br />
            <span class="meta">
              @if (match.birthYear) {
                {{ 'clients.born' | transloco: { year: match.birthYear } }} ·
              }
              {{
                (match.access === 'full' ? 'clients.accessFull' : 'clients.accessLimited')
                  | transloco
              }}
            </span>
          </span>
          @if (linkToRecords() && match.access === 'full') {
            <a mat-stroked-button [routerLink]="['/clients', match.id]">
              {{ actionKey() | transloco }}
              <span class="cdk-visually-hidden">{{ match.givenName }} {{ match.familyName }}</span>
            </a>
          } @else {
            <button mat-stroked-button type="button" (click)="picked.emit(match)">
              {{ actionKey() | transloco }}
              <span class="cdk-visually-hidden">{{ match.givenName }} {{ match.familyName }}</span>
            </button>
          }
        </li>
      }
    </ul>
  `,
})
export class ClientMatches {
  /** The matches to list. */
  readonly matches = input.required<ClientMatch[]>();

  /** Translation key of each match's button. */
  readonly actionKey = input('clients.pick');

  /** Whether a record the person may see opens as a link, rather than being picked. */
  readonly linkToRecords = input(false);

  /** Emits the match the person picked. */
  readonly picked = output<ClientMatch>();
}
