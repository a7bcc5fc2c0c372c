import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom, of } from 'rxjs';
import type { ClientMatch } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { type ClientInput, FrontDeskApi } from '../../core/data/front-desk.api';
import { LanguageService } from '../../core/i18n/language.service';
import { ClientForm } from '../../shared/clients/client-form';
import { ClientSearch } from '../../shared/clients/client-search';
import type { BoardBed } from './board.store';
import { valueOf } from '../../shared/data/value-of';

export interface CheckInData {
  shelterId: string;
  bed: BoardBed;
}

interface Picked {
  id: string;
  name: string;
  access: ClientMatch['access'];
}

const OVERRIDE_MIN = 10;

/**
 * Check in to a bed: find the person first (accent- and typo-tolerant search), create a record
 * only when they are not found, see any active restriction, then confirm.
 */
@Component({
  selector: 'aci-check-in-dialog',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    ClientForm,
    ClientSearch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dialog.scss',
  template: `
    <h2 mat-dialog-title>{{ 'checkIn.title' | transloco: { bed: data.bed.label } }}</h2>
    <mat-dialog-content>
      @switch (step()) {
        @case ('search') {
          <p>{{ 'checkIn.searchFirst' | transloco }}</p>
          <aci-client-search
            actionKey="checkIn.pick"
            (picked)="pick($event)"
            (searched)="searched.set($event)"
          />
          @if (searched() !== null) {
            <p>
              <button mat-stroked-button type="button" (click)="step.set('create')">
                {{ 'checkIn.createNew' | transloco }}
              </button>
            </p>
          }
        }
        @case ('create') {
          <p>{{ 'checkIn.createIntro' | transloco }}</p>
          <aci-client-form
            submitKey="checkIn.createAndContinue"
            [busy]="busy()"
            [refusedFields]="refusedFields()"
            [initial]="prefill()"
            (submitted)="create($event)"
          >
            <button mat-button type="button" (click)="step.set('search')">
              {{ 'common.back' | transloco }}
            </button>
          </aci-client-form>
        }
        @case ('confirm') {
          @if (picked(); as picked) {
            <p class="lead">
              {{ 'checkIn.confirmText' | transloco: { name: picked.name, bed: data.bed.label } }}
            </p>
            @if (data.bed.hold && !data.bed.hold.clientId) {
              <p class="notice">
                {{ 'checkIn.releasesHold' | transloco: { name: data.bed.hold.displayName ?? '—' } }}
              </p>
            }
            @if (restrictions.isLoading()) {
              <mat-progress-bar
                mode="indeterminate"
                [attr.aria-label]="'common.loading' | transloco"
              />
            }
            @if (activeRestrictions().length > 0 || refusedForRestriction()) {
              <div class="restriction" role="alert" data-testid="restriction-warning">
                <h3>{{ 'checkIn.restrictionTitle' | transloco }}</h3>
                @for (restriction of activeRestrictions(); track restriction.id) {
                  <p>
                    <strong>{{
                      'restriction.category.' + restriction.category | transloco
                    }}</strong>
                    — {{ restriction.description }}
                    <br />
                    {{
                      'checkIn.restrictionUntil'
                        | transloco
                          : { date: (restriction.endsOn | date: 'longDate' : 'UTC' : locale()) }
                    }}
                  </p>
                }
                @if (activeRestrictions().length === 0) {
                  <p>{{ 'errors.RESTRICTION_ACTIVE' | transloco }}</p>
                }
                <mat-form-field class="wide">
                  <mat-label>{{ 'checkIn.overrideLabel' | transloco }}</mat-label>
                  <textarea matInput rows="3" [formControl]="override"></textarea>
                  <mat-hint>{{
                    'checkIn.overrideHint' | transloco: { length: overrideMin }
                  }}</mat-hint>
                  <mat-error>{{
                    'validation.minLength' | transloco: { length: overrideMin }
                  }}</mat-error>
                </mat-form-field>
              </div>
            }
            @if (failure(); as failure) {
              <p class="failure" role="alert">{{ failure | transloco }}</p>
            }
          }
        }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (step() === 'confirm') {
        <button mat-button type="button" (click)="step.set('search')">
          {{ 'common.back' | transloco }}
        </button>
        <button
          mat-flat-button
          type="button"
          [disabled]="busy()"
          (click)="checkIn()"
          data-testid="confirm-check-in"
        >
          {{ (needsOverride() ? 'checkIn.submitOverride' : 'checkIn.submit') | transloco }}
        </button>
      } @else {
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      }
    </mat-dialog-actions>
  `,
})
export class CheckInDialog {
  protected readonly data = inject<CheckInData>(MAT_DIALOG_DATA);
  private readonly api = inject(FrontDeskApi);
  private readonly dialog = inject(MatDialogRef<CheckInDialog, boolean>);
  protected readonly locale = inject(LanguageService).current;

  protected readonly overrideMin = OVERRIDE_MIN;
  protected readonly step = signal<'search' | 'create' | 'confirm'>('search');
  /** The last query whose matches were shown: a new record starts from its names. */
  protected readonly searched = signal<string | null>(null);
  protected readonly picked = signal<Picked | null>(null);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly refusedFields = signal<string[]>([]);
  protected readonly refusedForRestriction = signal(false);
  protected readonly override = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(OVERRIDE_MIN)],
  });

  /** Names typed in the search, split for the new record. */
  protected readonly prefill = computed(() => {
    const [givenName = '', ...rest] = (this.searched() ?? '').split(/\s+/);

    return { givenName, familyName: rest.join(' ') };
  });

  // Only a record the person may see in full shows its restrictions; otherwise the API's
  // refusal at check-in tells.
  protected readonly restrictions = rxResource({
    params: () => {
      const picked = this.picked();

      return picked?.access === 'full' ? picked.id : undefined;
    },
    stream: ({ params }) => (params ? this.api.restrictions(params) : of([])),
  });

  protected readonly activeRestrictions = computed(() =>
    (valueOf(this.restrictions) ?? []).filter(
      (restriction) =>
        restriction.active &&
        (restriction.shelterId === null || restriction.shelterId === this.data.shelterId),
    ),
  );

  protected readonly needsOverride = computed(
    () => this.activeRestrictions().length > 0 || this.refusedForRestriction(),
  );

  constructor() {
    const heldFor = this.data.bed.hold;
    if (heldFor?.clientId) {
      this.pick({
        id: heldFor.clientId,
        givenName: heldFor.displayName ?? '',
        familyName: '',
        alias: null,
        birthYear: null,
        similarity: 1,
        access: 'full',
      });
    }
  }

  protected pick(match: ClientMatch): void {
    this.picked.set({
      id: match.id,
      name: `${match.givenName} ${match.familyName}`.trim(),
      access: match.access,
    });
    this.refusedForRestriction.set(false);
    this.failure.set(null);
    this.step.set('confirm');
  }

  protected async create(input: ClientInput): Promise<void> {
    this.busy.set(true);
    this.refusedFields.set([]);
    try {
      const client = await firstValueFrom(
        this.api.createClient({ ...input, shelterId: this.data.shelterId }),
      );
      this.picked.set({
        id: client.id,
        name: `${client.givenName} ${client.familyName}`,
        access: 'full',
      });
      this.step.set('confirm');
    } catch (error) {
      const view = describeError(error);
      this.refusedFields.set(view.fields);
      this.failure.set(view.key);
    } finally {
      this.busy.set(false);
    }
  }

  protected async checkIn(): Promise<void> {
    const picked = this.picked();
    if (!picked) {
      return;
    }
    if (this.needsOverride() && this.override.invalid) {
      this.override.markAsTouched();

      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      // A referral's hold is taken by the check-in itself, in the same transaction.
      const hold = this.data.bed.hold;
      await firstValueFrom(
        this.api.checkIn({
          clientId: picked.id,
          bedId: this.data.bed.id,
          ...(hold && !hold.clientId ? { holdId: hold.id } : {}),
          ...(this.needsOverride() ? { restrictionOverride: this.override.value.trim() } : {}),
        }),
      );
      this.dialog.close(true);
    } catch (error) {
      const view = describeError(error);
      if (view.code === 'RESTRICTION_ACTIVE') {
        this.refusedForRestriction.set(true);
      }
      this.failure.set(view.key);
    } finally {
      this.busy.set(false);
    }
  }
}
