import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { IncidentClient } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { SessionStore } from '../../core/auth/session.store';
import type { ClientInput } from '../../core/data/front-desk.api';
import { LanguageService } from '../../core/i18n/language.service';
import { ClientForm } from '../../shared/clients/client-form';
import { hydrated } from '../../shared/ui/hydrated';
import { LoadState } from '../../shared/ui/load-state';
import { ClientDocuments } from './client-documents';
import { ClientProfileStore } from './client-profile.store';
import { RestrictionDialog } from './restriction-dialog';

/**
 * A person's record: identity, stays, restrictions, incidents, documents and, for admins, its
 * readers.
 */
@Component({
  selector: 'aci-client-profile-page',
  imports: [DatePipe, MatButtonModule, TranslocoPipe, ClientForm, LoadState, ClientDocuments],
  providers: [ClientProfileStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './client-profile.page.scss',
  template: `
    @if (store.client.hasValue() && store.client.value(); as client) {
      <div class="heading">
        <h1>
          {{ client.givenName }} {{ client.familyName }}
          @if (client.alias) {
            <span class="alias">« {{ client.alias }} »</span>
          }
        </h1>
        @if (!editing()) {
          <button
            mat-stroked-button
            type="button"
            [disabled]="!ready()"
            (click)="editing.set(true)"
          >
            {{ 'profile.edit' | transloco }}
          </button>
        }
      </div>

      <section class="panel" aria-labelledby="identity-title">
        <h2 id="identity-title">{{ 'profile.identity' | transloco }}</h2>
        @if (editing()) {
          <aci-client-form
            [initial]="client"
            [busy]="saving()"
            [refusedFields]="refusedFields()"
            (submitted)="save($event)"
          >
            <button mat-button type="button" (click)="editing.set(false)">
              {{ 'common.cancel' | transloco }}
            </button>
          </aci-client-form>
          @if (failure(); as failure) {
            <p class="failure" role="alert">{{ failure | transloco }}</p>
          }
        } @else {
          <dl class="facts">
            <div>
              <dt>{{ 'client.birthDate' | transloco }}</dt>
              <dd>
                {{
                  client.birthDate
                    ? (client.birthDate | date: 'longDate' : 'UTC' : locale())
                    : ('common.notSaid' | transloco)
                }}
                ({{ 'client.quality.' + client.birthDateQuality | transloco }})
              </dd>
            </div>
            <div>
              <dt>{{ 'client.gender' | transloco }}</dt>
              <dd>{{ client.gender ?? ('common.notSaid' | transloco) }}</dd>
            </div>
            <div>
              <dt>{{ 'client.preferredLanguage' | transloco }}</dt>
              <dd>
                {{
                  client.preferredLanguage
                    ? ('language.' + client.preferredLanguage | transloco)
                    : ('common.notSaid' | transloco)
                }}
              </dd>
            </div>
            <div>
              <dt>{{ 'profile.registeredAt' | transloco }}</dt>
              <dd>
                @if (client.registeredAt; as shelter) {
                  {{ shelter.name }},
                }
                {{ client.createdAt | date: 'mediumDate' : undefined : locale() }}
              </dd>
            </div>
          </dl>
        }
      </section>

      <section class="panel" aria-labelledby="restrictions-title">
        <div class="panel-heading">
          <h2 id="restrictions-title">{{ 'profile.restrictions' | transloco }}</h2>
          <button
            mat-stroked-button
            type="button"
            [disabled]="!ready()"
            (click)="addRestriction(client.id)"
          >
            {{ 'restriction.add' | transloco }}
          </button>
        </div>
        @if (store.restrictions.hasValue() && store.restrictions.value(); as restrictions) {
          <ul class="items">
            @for (restriction of restrictions; track restriction.id) {
              <li [class.active]="restriction.active">
                <strong>{{ 'restriction.category.' + restriction.category | transloco }}</strong>
                —
                {{
                  (restriction.active ? 'restriction.active' : 'restriction.inactive') | transloco
                }}
                ·
                {{ restriction.startsOn | date: 'mediumDate' : 'UTC' : locale() }} →
                {{ restriction.endsOn | date: 'mediumDate' : 'UTC' : locale() }}
                ·
                {{
                  (restriction.shelterId ? 'restriction.oneShelter' : 'restriction.allShelters')
                    | transloco
                }}
                <p>{{ restriction.description }}</p>
              </li>
            } @empty {
              <li class="none">{{ 'profile.noRestrictions' | transloco }}</li>
            }
          </ul>
        } @else {
          <aci-load-state
            [loading]="store.restrictions.isLoading()"
            [error]="store.restrictions.error()"
            (retry)="store.restrictions.reload()"
          />
        }
      </section>

      <section class="panel" aria-labelledby="stays-title">
        <h2 id="stays-title">{{ 'profile.stays' | transloco }}</h2>
        @if (store.stays.hasValue() && store.stays.value(); as stays) {
          @if (stays.length > 0) {
            <table>
              <thead>
                <tr>
                  <th scope="col">{{ 'profile.bed' | transloco }}</th>
                  <th scope="col">{{ 'profile.checkedIn' | transloco }}</th>
                  <th scope="col">{{ 'profile.checkedOut' | transloco }}</th>
                  <th scope="col">{{ 'checkOut.reason' | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (stay of stays; track stay.id) {
                  <tr>
                    <td>{{ stay.bedLabel }}</td>
                    <td>{{ stay.checkedInAt | date: 'short' : undefined : locale() }}</td>
                    <td>
                      {{
                        stay.checkedOutAt
                          ? (stay.checkedOutAt | date: 'short' : undefined : locale())
                          : ('profile.stillHere' | transloco)
                      }}
                    </td>
                    <td>
                      {{ stay.exitReason ? ('exitReason.' + stay.exitReason | transloco) : '—' }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          } @else {
            <p class="none">{{ 'profile.noStays' | transloco }}</p>
          }
        } @else {
          <aci-load-state
            [loading]="store.stays.isLoading()"
            [error]="store.stays.error()"
            (retry)="store.stays.reload()"
          />
        }
      </section>

      <section class="panel" aria-labelledby="incidents-title">
        <h2 id="incidents-title">{{ 'profile.incidents' | transloco }}</h2>
        @if (store.incidents.hasValue() && store.incidents.value(); as incidents) {
          <ul class="items" data-testid="client-incidents">
            @for (incident of incidents; track incident.id) {
              <li data-testid="client-incident">
                <strong>{{ 'incidents.types.' + incident.type | transloco }}</strong>
                · {{ 'incidents.severities.' + incident.severity | transloco }} ·
                {{ incident.occurredAt | date: 'short' : undefined : locale() }} ·
                {{ incident.shelterName }}
                <p>{{ incident.description }}</p>
                @if (incident.involved.length > 1) {
                  <p class="meta">
                    {{ 'incidents.involved' | transloco }}
                    {{ othersThan(incident.involved, client.id) }}
                  </p>
                }
              </li>
            } @empty {
              <li class="none">{{ 'profile.noIncidents' | transloco }}</li>
            }
          </ul>
        } @else {
          <aci-load-state
            [loading]="store.incidents.isLoading()"
            [error]="store.incidents.error()"
            (retry)="store.incidents.reload()"
          />
        }
      </section>

      <aci-client-documents [clientId]="client.id" />

      @if (isAdmin()) {
        <section class="panel" aria-labelledby="access-title">
          <h2 id="access-title">{{ 'profile.accessLog' | transloco }}</h2>
          @if (store.accessLog.hasValue() && store.accessLog.value(); as entries) {
            @if (entries.length > 0) {
              <table>
                <thead>
                  <tr>
                    <th scope="col">{{ 'profile.when' | transloco }}</th>
                    <th scope="col">{{ 'profile.who' | transloco }}</th>
                    <th scope="col">{{ 'profile.action' | transloco }}</th>
                    <th scope="col">{{ 'profile.from' | transloco }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (entry of entries; track entry.id) {
                    <tr>
                      <td>{{ entry.occurredAt | date: 'short' : undefined : locale() }}</td>
                      <td>{{ entry.actor?.name ?? '—' }}</td>
                      <td>
                        <code>{{ entry.action }}</code>
                      </td>
                      <td>{{ entry.clientAddress ?? '—' }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            } @else {
              <p class="none">{{ 'profile.noAccess' | transloco }}</p>
            }
          } @else {
            <aci-load-state
              [loading]="store.accessLog.isLoading()"
              [error]="store.accessLog.error()"
              (retry)="store.accessLog.reload()"
            />
          }
        </section>
      }
    } @else {
      <h1>{{ 'profile.title' | transloco }}</h1>
      <aci-load-state
        [loading]="store.client.isLoading()"
        [error]="store.client.error()"
        (retry)="store.client.reload()"
      />
    }
  `,
})
export class ClientProfilePage {
  protected readonly store = inject(ClientProfileStore);
  protected readonly isAdmin = inject(SessionStore).isAdmin;
  protected readonly locale = inject(LanguageService).current;
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialogs = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  /** The client whose record this is (route parameter). */
  readonly clientId = input.required<string>();

  protected readonly ready = hydrated();
  protected readonly editing = signal(false);
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly refusedFields = signal<string[]>([]);

  /** The other people involved in an incident, for one line. */
  protected othersThan(involved: IncidentClient[], clientId: string): string {
    return involved
      .filter((person) => person.id !== clientId)
      .map((person) => person.name)
      .join(', ');
  }

  constructor() {
    effect(() => {
      this.store.clientId.set(this.clientId());
      this.store.withAccessLog.set(this.isAdmin());
    });
  }

  protected async addRestriction(clientId: string): Promise<void> {
    const dialog = this.dialogs.open(RestrictionDialog, {
      data: clientId,
      width: '34rem',
      maxWidth: '95vw',
    });
    if ((await firstValueFrom(dialog.afterClosed())) === true) {
      this.store.restrictions.reload();
      this.snackBar.open(this.transloco.translate('restriction.saved'), undefined, {
        duration: 4000,
      });
    }
  }

  protected async save(input: ClientInput): Promise<void> {
    this.saving.set(true);
    this.failure.set(null);
    this.refusedFields.set([]);
    try {
      await this.store.update(input);
      this.editing.set(false);
      this.snackBar.open(this.transloco.translate('profile.saved'), undefined, { duration: 4000 });
    } catch (error) {
      const view = describeError(error);
      this.failure.set(view.key);
      this.refusedFields.set(view.fields);
    } finally {
      this.saving.set(false);
    }
  }
}
