import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import type { ClientMatch } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { FrontDeskApi, type HoldInput } from '../../core/data/front-desk.api';
import { ClientSearch } from '../../shared/clients/client-search';
import { errorKeyOf, errorParamsOf, markServerErrors } from '../../shared/ui/field-errors';
import type { BoardBed } from './board.store';

const DEFAULT_MINUTES = 150;

type HeldFor = 'client' | 'referral';

/**
 * Keeps a bed for someone on their way, for a while; the hold then lapses on its own. The
 * person is either on file (searched and picked, as at check-in) or named by a referral.
 */
@Component({
  selector: 'aci-hold-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    TranslocoPipe,
    ClientSearch,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dialog.scss',
  template: `
    <h2 mat-dialog-title>{{ 'hold.title' | transloco: { bed: bed.label } }}</h2>
    <form [formGroup]="form" (ngSubmit)="hold()" novalidate>
      <mat-dialog-content>
        <p>{{ 'hold.intro' | transloco }}</p>
        <mat-radio-group
          class="held-for"
          formControlName="heldFor"
          [attr.aria-label]="'hold.heldFor' | transloco"
        >
          <mat-radio-button value="client">{{ 'hold.forClient' | transloco }}</mat-radio-button>
          <mat-radio-button value="referral">{{ 'hold.forReferral' | transloco }}</mat-radio-button>
        </mat-radio-group>
        @if (heldFor() === 'client') {
          @if (picked(); as person) {
            <p class="notice picked" data-testid="hold-picked">
              <span>{{ 'hold.pickedClient' | transloco: { name: person.name } }}</span>
              <button mat-button type="button" (click)="picked.set(null)">
                {{ 'hold.change' | transloco }}
              </button>
            </p>
          } @else {
            <aci-client-search actionKey="clients.pick" (picked)="pick($event)" />
            @if (missingClient()) {
              <p class="failure" role="alert">{{ 'hold.pickClient' | transloco }}</p>
            }
          }
        } @else {
          <mat-form-field class="wide">
            <mat-label>{{ 'hold.for' | transloco }}</mat-label>
            <input matInput formControlName="referralName" autocomplete="off" />
            <mat-error>
              {{
                errorKey(form.controls.referralName)
                  | transloco: errorParams(form.controls.referralName)
              }}
            </mat-error>
          </mat-form-field>
        }
        <mat-form-field class="wide">
          <mat-label>{{ 'hold.minutes' | transloco }}</mat-label>
          <input matInput type="number" min="5" max="1440" formControlName="minutes" />
          <mat-hint>{{ 'hold.minutesHint' | transloco }}</mat-hint>
          <mat-error>{{ 'hold.minutesError' | transloco }}</mat-error>
        </mat-form-field>
        @if (failure(); as failure) {
          <p class="failure" role="alert">{{ failure | transloco }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'hold.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class HoldDialog {
  protected readonly bed = inject<BoardBed>(MAT_DIALOG_DATA);
  private readonly api = inject(FrontDeskApi);
  private readonly dialog = inject(MatDialogRef<HoldDialog, boolean>);

  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;
  protected readonly picked = signal<{ id: string; name: string } | null>(null);
  protected readonly missingClient = signal(false);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    heldFor: ['client' as HeldFor],
    referralName: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    minutes: [DEFAULT_MINUTES, [Validators.required, Validators.min(5), Validators.max(1440)]],
  });
  protected readonly heldFor = toSignal(this.form.controls.heldFor.valueChanges, {
    initialValue: this.form.controls.heldFor.value,
  });

  constructor() {
    // The referral's name is asked for, and checked, only when the bed is held for a referral.
    const referralName = this.form.controls.referralName;
    referralName.disable();
    effect(() => (this.heldFor() === 'referral' ? referralName.enable() : referralName.disable()));
  }

  protected pick(match: ClientMatch): void {
    this.missingClient.set(false);
    this.picked.set({ id: match.id, name: `${match.givenName} ${match.familyName}`.trim() });
  }

  protected async hold(): Promise<void> {
    const { heldFor, referralName, minutes } = this.form.getRawValue();
    const picked = this.picked();
    if (heldFor === 'client' && !picked) {
      this.missingClient.set(true);
    }
    if (this.form.invalid || (heldFor === 'client' && !picked)) {
      this.form.markAllAsTouched();

      return;
    }

    const input: HoldInput =
      heldFor === 'client' && picked
        ? { bedId: this.bed.id, clientId: picked.id, minutes }
        : { bedId: this.bed.id, referralName: referralName.trim(), minutes };
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.hold(input));
      this.dialog.close(true);
    } catch (error) {
      const view = describeError(error);
      this.failure.set(view.key);
      markServerErrors(this.form.controls, view.fields);
    } finally {
      this.busy.set(false);
    }
  }
}
