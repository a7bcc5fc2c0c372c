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
import { type Population, POPULATIONS, type ShelterView } from '@acimtl/contracts';
import { describeError } from '../../core/api/api-error';
import { errorKeyOf, errorParamsOf, markServerErrors } from '../../shared/ui/field-errors';
import { SheltersApi } from './shelters.api';

const POSTAL_CODE = /^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/;
const PHONE = /^[\d\s()+.-]{7,30}$/;

/** Adds a shelter to the registry, or corrects one. */
@Component({
  selector: 'aci-shelter-dialog',
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
    <h2 mat-dialog-title>
      {{ (shelter ? 'shelters.editTitle' : 'shelters.newTitle') | transloco }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @for (field of textFields; track field) {
          <mat-form-field class="wide">
            <mat-label>{{ 'shelters.fields.' + field | transloco }}</mat-label>
            <input matInput [formControlName]="field" autocomplete="off" />
            <mat-error>{{
              errorKey(form.controls[field]) | transloco: errorParams(form.controls[field])
            }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field class="wide">
          <mat-label>{{ 'shelters.fields.populations' | transloco }}</mat-label>
          <mat-select formControlName="populations" multiple>
            @for (population of populations; track population) {
              <mat-option [value]="population">{{
                'population.' + population | transloco
              }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ 'validation.required' | transloco }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="acceptsCouples">{{
          'need.couples' | transloco
        }}</mat-checkbox>
        <mat-checkbox formControlName="acceptsPets">{{ 'need.pets' | transloco }}</mat-checkbox>
        <mat-checkbox formControlName="accessible">{{
          'need.accessible' | transloco
        }}</mat-checkbox>
        @if (shelter) {
          <mat-checkbox formControlName="active">{{ 'shelters.active' | transloco }}</mat-checkbox>
        }
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
export class ShelterDialog {
  protected readonly shelter = inject<ShelterView | null>(MAT_DIALOG_DATA);
  private readonly api = inject(SheltersApi);
  private readonly dialog = inject(MatDialogRef<ShelterDialog, boolean>);

  protected readonly textFields = [
    'name',
    'street',
    'city',
    'postalCode',
    'phone',
    'intakeHours',
  ] as const;
  protected readonly populations = POPULATIONS;
  protected readonly errorKey = errorKeyOf;
  protected readonly errorParams = errorParamsOf;
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [
      this.shelter?.name ?? '',
      [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    ],
    street: [this.shelter?.street ?? '', [Validators.required, Validators.minLength(2)]],
    city: [this.shelter?.city ?? 'Montréal', [Validators.required, Validators.minLength(2)]],
    postalCode: [
      this.shelter?.postalCode ?? '',
      [Validators.required, Validators.pattern(POSTAL_CODE)],
    ],
    phone: [this.shelter?.phone ?? '', [Validators.required, Validators.pattern(PHONE)]],
    intakeHours: [this.shelter?.intakeHours ?? '', Validators.maxLength(200)],
    populations: [this.shelter?.populations ?? ([] as Population[]), Validators.required],
    acceptsCouples: [this.shelter?.acceptsCouples ?? false],
    acceptsPets: [this.shelter?.acceptsPets ?? false],
    accessible: [this.shelter?.accessible ?? false],
    active: [this.shelter?.active ?? true],
  });

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();

      return;
    }
    const { intakeHours, active, ...rest } = this.form.getRawValue();
    const input = {
      ...rest,
      ...(intakeHours.trim() ? { intakeHours: intakeHours.trim() } : {}),
    };
    this.busy.set(true);
    this.failure.set(null);
    try {
      await firstValueFrom(
        this.shelter
          ? this.api.update(this.shelter.id, { ...input, active })
          : this.api.create(input),
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
