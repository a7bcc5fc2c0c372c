import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { EXIT_REASONS, type ExitReason } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { FrontDeskApi } from '../../core/data/front-desk.api';
import { errorKeyOf, errorParamsOf, markServerErrors } from '../../shared/ui/field-errors';
import type { BoardBed } from './board.store';

/** Checks a person out of their bed, with the reason they left and where to. */
@Component({
  selector: 'aci-check-out-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dialog.scss',
  template: `
    <h2 mat-dialog-title>
      {{ 'checkOut.title' | transloco: { name: bed.stay?.displayName, bed: bed.label } }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="checkOut()" novalidate>
      <mat-dialog-content>
        <mat-form-field class="wide">
          <mat-label>{{ 'checkOut.reason' | transloco }}</mat-label>
          <mat-select formControlName="exitReason">
            @for (reason of reasons; track reason) {
              <mat-option [value]="reason">{{ 'exitReason.' + reason | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error>{{
            errorKey(form.controls.exitReason) | transloco: errorParams(form.controls.exitReason)
          }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'checkOut.destination' | transloco }}</mat-label>
          <input matInput formControlName="destination" autocomplete="off" />
          <mat-error>{{
            errorKey(form.controls.destination) | transloco: errorParams(form.controls.destination)
          }}</mat-error>
        </mat-form-field>
        @if (failure(); as failure) {
          <p class="failure" role="alert">{{ failure | transloco }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="confirm-check-out">
          {{ 'checkOut.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CheckOutDialog {
  protected readonly bed = inject<BoardBed>(MAT_DIALOG_DATA);
  private readonly api = inject(FrontDeskApi);
  private readonly dialog = inject(MatDialogRef<CheckOutDialog, boolean>);

  protected readonly reasons = EXIT_REASONS;
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    exitReason: ['' as ExitReason | '', Validators.required],
    destination: ['', Validators.maxLength(200)],
  });

  protected async checkOut(): Promise<void> {
    const stay = this.bed.stay;
    const { exitReason, destination } = this.form.getRawValue();
    if (!stay || this.form.invalid || !exitReason) {
      this.form.markAllAsTouched();

      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(this.api.checkOut(stay.id, exitReason, destination.trim()));
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
