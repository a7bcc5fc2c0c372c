import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { BED_KINDS, type BedView } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import {
  errorKeyOf,
  errorParamsOf,
  markServerErrors,
  notBlank,
} from '../../shared/ui/field-errors';
import { SheltersApi } from './shelters.api';

export interface BedDialogData {
  shelterId: string;
  bed: BedView;
}

/** Corrects a bed: its label, its kind and what it offers (accessible, lower bunk). */
@Component({
  selector: 'aci-bed-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../board/dialog.scss',
  template: `
    <h2 mat-dialog-title>{{ 'shelters.editBedTitle' | transloco: { bed: data.bed.label } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <mat-form-field class="wide">
          <mat-label>{{ 'shelters.bedLabel' | transloco }}</mat-label>
          <input matInput formControlName="label" autocomplete="off" cdkFocusInitial />
          <mat-error>{{
            errorKey(form.controls.label) | transloco: errorParams(form.controls.label)
          }}</mat-error>
        </mat-form-field>
        <mat-form-field class="wide">
          <mat-label>{{ 'shelters.kind' | transloco }}</mat-label>
          <mat-select formControlName="kind">
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ 'bed.kind.' + kind | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-checkbox class="wide" formControlName="accessible">{{
          'bed.accessible' | transloco
        }}</mat-checkbox>
        <mat-checkbox class="wide" formControlName="lowerBunk">{{
          'bed.lowerBunk' | transloco
        }}</mat-checkbox>
        @if (failure(); as failure) {
          <p class="failure" role="alert">{{ failure | transloco }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class BedDialog {
  protected readonly data = inject<BedDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(SheltersApi);
  private readonly dialog = inject(MatDialogRef<BedDialog, boolean>);

  protected readonly kinds = BED_KINDS;
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    label: [this.data.bed.label, [notBlank, Validators.maxLength(50)]],
    kind: [this.data.bed.kind],
    accessible: [this.data.bed.accessible],
    lowerBunk: [this.data.bed.lowerBunk],
  });

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();

      return;
    }

    const value = this.form.getRawValue();
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(
        this.api.updateBed(this.data.shelterId, this.data.bed.id, {
          ...value,
          label: value.label.trim(),
        }),
      );
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
