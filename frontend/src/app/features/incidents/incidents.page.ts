import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  FormBuilder,
  type FormGroup,
  type FormGroupDirective,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  type ClientMatch,
  INCIDENT_SEVERITIES,
  INCIDENT_TYPES,
  type IncidentClient,
  type IncidentSeverity,
  type IncidentType,
  TURNAWAY_REASONS,
  type TurnawayReason,
} from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { LanguageService } from '../../core/i18n/language.service';
import { montrealDay } from '../../shared/format/montreal-date';
import { ClientSearch } from '../../shared/clients/client-search';
import { errorKeyOf, errorParamsOf, markServerErrors } from '../../shared/ui/field-errors';
import { LoadState } from '../../shared/ui/load-state';
import { ShelterChoices } from '../../shared/ui/shelter-choices';
import { IncidentsApi } from './incidents.api';

/** Incidents and turnaways of one shelter: record them, and list those of a period. */
@Component({
  selector: 'aci-incidents-page',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTabsModule,
    TranslocoPipe,
    ClientSearch,
    LoadState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './incidents.page.scss',
  template: `
    <h1>{{ 'incidents.title' | transloco }}</h1>
    <div class="filters">
      <mat-form-field>
        <mat-label>{{ 'incidents.shelter' | transloco }}</mat-label>
        <mat-select [value]="shelterId()" (selectionChange)="chosenShelter.set($event.value)">
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
    </div>

    @if (!shelterId()) {
      <aci-load-state [empty]="true" emptyKey="incidents.noShelter" />
    } @else {
      <mat-tab-group>
        <mat-tab [label]="'incidents.incidents' | transloco">
          <section class="record" aria-labelledby="record-incident">
            <h2 id="record-incident">{{ 'incidents.recordIncident' | transloco }}</h2>
            <form
              [formGroup]="incident"
              #incidentForm="ngForm"
              (ngSubmit)="recordIncident(incidentForm)"
              novalidate
            >
              <mat-form-field>
                <mat-label>{{ 'incidents.occurredAt' | transloco }}</mat-label>
                <input matInput type="datetime-local" formControlName="occurredAt" />
                <mat-error>{{
                  errorKey(incident.controls.occurredAt)
                    | transloco: errorParams(incident.controls.occurredAt)
                }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'incidents.type' | transloco }}</mat-label>
                <mat-select formControlName="type">
                  @for (type of types; track type) {
                    <mat-option [value]="type">{{
                      'incidents.types.' + type | transloco
                    }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{
                  errorKey(incident.controls.type) | transloco: errorParams(incident.controls.type)
                }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'incidents.severity' | transloco }}</mat-label>
                <mat-select formControlName="severity">
                  @for (severity of severities; track severity) {
                    <mat-option [value]="severity">{{
                      'incidents.severities.' + severity | transloco
                    }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{
                  errorKey(incident.controls.severity)
                    | transloco: errorParams(incident.controls.severity)
                }}</mat-error>
              </mat-form-field>
              <mat-form-field class="wide">
                <mat-label>{{ 'incidents.description' | transloco }}</mat-label>
                <textarea matInput rows="3" formControlName="description"></textarea>
                <mat-error>{{
                  errorKey(incident.controls.description)
                    | transloco: errorParams(incident.controls.description)
                }}</mat-error>
              </mat-form-field>
              <mat-form-field class="wide">
                <mat-label>{{ 'incidents.actionsTaken' | transloco }}</mat-label>
                <textarea matInput rows="2" formControlName="actionsTaken"></textarea>
                <mat-error>{{
                  errorKey(incident.controls.actionsTaken)
                    | transloco: errorParams(incident.controls.actionsTaken)
                }}</mat-error>
              </mat-form-field>
              <fieldset class="wide involved">
                <legend>{{ 'incidents.involvedTitle' | transloco }}</legend>
                @if (involved().length > 0) {
                  <ul data-testid="involved-clients">
                    @for (person of involved(); track person.id) {
                      <li>
                        <span>{{ person.name }}</span>
                        <button mat-button type="button" (click)="removeInvolved(person.id)">
                          {{ 'incidents.removeClient' | transloco }}
                          <span class="cdk-visually-hidden">{{ person.name }}</span>
                        </button>
                      </li>
                    }
                  </ul>
                } @else {
                  <p class="meta">{{ 'incidents.noneInvolved' | transloco }}</p>
                }
                <aci-client-search
                  actionKey="incidents.addClient"
                  [excluded]="involvedIds()"
                  (picked)="addInvolved($event)"
                />
              </fieldset>
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="busy()">
                  {{ 'incidents.record' | transloco }}
                </button>
              </div>
            </form>
          </section>
          @if (incidents.hasValue() && incidents.value(); as list) {
            <ul class="items" [attr.aria-label]="'incidents.incidents' | transloco">
              @for (item of list; track item.id) {
                <li data-testid="incident">
                  <strong>{{ 'incidents.types.' + item.type | transloco }}</strong>
                  · {{ 'incidents.severities.' + item.severity | transloco }} ·
                  {{ item.occurredAt | date: 'short' : undefined : locale() }}
                  <p>{{ item.description }}</p>
                  @if (item.actionsTaken) {
                    <p class="meta">{{ item.actionsTaken }}</p>
                  }
                  @if (item.involved.length > 0) {
                    <p class="meta" data-testid="incident-involved">
                      {{ 'incidents.involved' | transloco }}
                      {{ namesOf(item.involved) }}
                    </p>
                  }
                </li>
              } @empty {
                <li class="meta">{{ 'incidents.noIncidents' | transloco }}</li>
              }
            </ul>
          } @else {
            <aci-load-state
              [loading]="incidents.isLoading()"
              [error]="incidents.error()"
              (retry)="incidents.reload()"
            />
          }
        </mat-tab>
        <mat-tab [label]="'incidents.turnaways' | transloco">
          <section class="record" aria-labelledby="record-turnaway">
            <h2 id="record-turnaway">{{ 'incidents.recordTurnaway' | transloco }}</h2>
            <form
              [formGroup]="turnaway"
              #turnawayForm="ngForm"
              (ngSubmit)="recordTurnaway(turnawayForm)"
              novalidate
            >
              <mat-form-field>
                <mat-label>{{ 'incidents.reason' | transloco }}</mat-label>
                <mat-select formControlName="reason">
                  @for (reason of reasons; track reason) {
                    <mat-option [value]="reason">{{
                      'incidents.reasons.' + reason | transloco
                    }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{
                  errorKey(turnaway.controls.reason)
                    | transloco: errorParams(turnaway.controls.reason)
                }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label>{{ 'incidents.referredTo' | transloco }}</mat-label>
                <input matInput formControlName="referredTo" autocomplete="off" />
                <mat-error>{{
                  errorKey(turnaway.controls.referredTo)
                    | transloco: errorParams(turnaway.controls.referredTo)
                }}</mat-error>
              </mat-form-field>
              <mat-form-field class="wide">
                <mat-label>{{ 'incidents.notes' | transloco }}</mat-label>
                <textarea matInput rows="2" formControlName="notes"></textarea>
                <mat-error>{{
                  errorKey(turnaway.controls.notes)
                    | transloco: errorParams(turnaway.controls.notes)
                }}</mat-error>
              </mat-form-field>
              <div class="actions">
                <button mat-flat-button type="submit" [disabled]="busy()">
                  {{ 'incidents.record' | transloco }}
                </button>
              </div>
            </form>
          </section>
          @if (turnaways.hasValue() && turnaways.value(); as list) {
            <ul class="items" [attr.aria-label]="'incidents.turnaways' | transloco">
              @for (item of list; track item.id) {
                <li data-testid="turnaway">
                  <strong>{{ 'incidents.reasons.' + item.reason | transloco }}</strong>
                  · {{ item.occurredAt | date: 'short' : undefined : locale() }}
                  @if (item.referredTo) {
                    · {{ 'incidents.referredToName' | transloco: { name: item.referredTo } }}
                  }
                  @if (item.notes) {
                    <p class="meta">{{ item.notes }}</p>
                  }
                </li>
              } @empty {
                <li class="meta">{{ 'incidents.noTurnaways' | transloco }}</li>
              }
            </ul>
          } @else {
            <aci-load-state
              [loading]="turnaways.isLoading()"
              [error]="turnaways.error()"
              (retry)="turnaways.reload()"
            />
          }
        </mat-tab>
      </mat-tab-group>
    }
  `,
})
export class IncidentsPage {
  private readonly api = inject(IncidentsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly form = inject(FormBuilder).nonNullable;
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;
  protected readonly choices = inject(ShelterChoices);
  protected readonly locale = inject(LanguageService).current;

  protected readonly types = INCIDENT_TYPES;
  protected readonly severities = INCIDENT_SEVERITIES;
  protected readonly reasons = TURNAWAY_REASONS;
  protected readonly busy = signal(false);
  protected readonly involved = signal<IncidentClient[]>([]);
  protected readonly involvedIds = computed(() => this.involved().map((person) => person.id));
  protected readonly chosenShelter = signal<string | null>(null);
  protected readonly shelterId = computed(
    () => this.chosenShelter() ?? this.choices.shelters()[0]?.id ?? null,
  );
  protected readonly from = signal(montrealDay(new Date(), 7));
  protected readonly to = signal(montrealDay(new Date()));

  private readonly query = computed(() => {
    const shelterId = this.shelterId();

    return shelterId && this.from() && this.to()
      ? { shelterId, from: this.from(), to: this.to() }
      : undefined;
  });

  protected readonly incidents = rxResource({
    params: this.query,
    stream: ({ params }) => this.api.incidents(params.shelterId, params.from, params.to),
  });
  protected readonly turnaways = rxResource({
    params: this.query,
    stream: ({ params }) => this.api.turnaways(params.shelterId, params.from, params.to),
  });

  protected readonly incident = this.form.group({
    occurredAt: ['', Validators.required],
    type: ['' as IncidentType | '', Validators.required],
    severity: ['' as IncidentSeverity | '', Validators.required],
    description: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(5000)]],
    actionsTaken: ['', Validators.maxLength(5000)],
  });

  protected readonly turnaway = this.form.group({
    reason: ['' as TurnawayReason | '', Validators.required],
    referredTo: ['', Validators.maxLength(200)],
    notes: ['', Validators.maxLength(2000)],
  });

  protected addInvolved(match: ClientMatch): void {
    const name = `${match.givenName} ${match.familyName}`.trim();
    this.involved.update((people) => [...people, { id: match.id, name }]);
  }

  protected removeInvolved(clientId: string): void {
    this.involved.update((people) => people.filter((person) => person.id !== clientId));
  }

  protected namesOf(people: IncidentClient[]): string {
    return people.map((person) => person.name).join(', ');
  }

  protected async recordIncident(directive: FormGroupDirective): Promise<void> {
    const shelterId = this.shelterId();
    const value = this.incident.getRawValue();
    if (!shelterId || this.incident.invalid || !value.type || !value.severity) {
      this.incident.markAllAsTouched();

      return;
    }
    await this.save(this.incident, async () => {
      await firstValueFrom(
        this.api.recordIncident({
          shelterId,
          occurredAt: new Date(value.occurredAt).toISOString(),
          type: value.type as IncidentType,
          severity: value.severity as IncidentSeverity,
          description: value.description.trim(),
          ...(value.actionsTaken.trim() ? { actionsTaken: value.actionsTaken.trim() } : {}),
          clientIds: this.involvedIds(),
        }),
      );
      // Through the directive, so the finished submission shows no error.
      directive.resetForm();
      this.involved.set([]);
      this.incidents.reload();
    });
  }

  protected async recordTurnaway(directive: FormGroupDirective): Promise<void> {
    const shelterId = this.shelterId();
    const value = this.turnaway.getRawValue();
    if (!shelterId || this.turnaway.invalid || !value.reason) {
      this.turnaway.markAllAsTouched();

      return;
    }
    await this.save(this.turnaway, async () => {
      await firstValueFrom(
        this.api.recordTurnaway({
          shelterId,
          reason: value.reason as TurnawayReason,
          ...(value.referredTo.trim() ? { referredTo: value.referredTo.trim() } : {}),
          ...(value.notes.trim() ? { notes: value.notes.trim() } : {}),
        }),
      );
      directive.resetForm();
      this.turnaways.reload();
    });
  }

  private async save(form: FormGroup, action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
      this.snackBar.open(this.transloco.translate('incidents.recorded'), undefined, {
        duration: 4000,
      });
    } catch (error) {
      const view = describeError(error);
      markServerErrors(form.controls, view.fields);
      this.snackBar.open(this.transloco.translate(view.key), undefined, {
        duration: 6000,
      });
    } finally {
      this.busy.set(false);
    }
  }
}
