import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { describeError } from '../../core/api/api-error';
import { FrontDeskApi } from '../../core/data/front-desk.api';
import { errorKeyOf, errorParamsOf } from '../../shared/ui/field-errors';
import type { BoardBed } from './board.store';

const DEFAULT_MINUTES = 150;

/** Keeps a bed for someone on their way, for a while; the hold then lapses on its own. */
@Component({
  selector: 'aci-hold-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './dialog.scss',
  template: `
    <h2 mat-dialog-title>{{ 'hold.title' | transloco: { bed: bed.label } }}</h2>
    <form [formGroup]="form" (ngSubmit)="hold()" novalidate>
      <mat-dialog-content>
        <p>{{ 'hold.intro' | transloco }}</p>
        <mat-form-field class="wide">
          <mat-label>{{ 'hold.for' | transloco }}</mat-label>
          <input matInput formControlName="referralName" autocomplete="off" cdkFocusInitial />
          <mat-error>
            {{
              errorKey(form.controls.referralName)
                | transloco: errorParams(form.controls.referralName)
            }}
          </mat-error>
        </mat-form-field>
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
  protected readonly form = inject(FormBuilder).nonNullable.group({
    referralName: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    minutes: [DEFAULT_MINUTES, [Validators.required, Validators.min(5), Validators.max(1440)]],
  });

  protected async hold(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();

      return;
    }
    const { referralName, minutes } = this.form.getRawValue();
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(
        this.api.hold({ bedId: this.bed.id, referralName: referralName.trim(), minutes }),
      );
      this.dialog.close(true);
    } catch (error) {
      this.failure.set(describeError(error).key);
    } finally {
      this.busy.set(false);
    }
  }
}
